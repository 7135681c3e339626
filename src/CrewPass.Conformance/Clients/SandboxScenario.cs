namespace CrewPass.Conformance.Clients;

/// <summary>
/// A scenario of CONTRACT.md's CLIENT section, as a typed case: what the sandbox plays, and what a check may expect of
/// it (whether requests reach the sandbox at all, whether a client that writes writes in it).
/// </summary>
public sealed record SandboxScenario(string Name, bool Served, bool Writes)
{
    public static readonly SandboxScenario Plain = new("plain", true, true);
    public static readonly SandboxScenario ExtraFields = new("extra-fields", true, true);
    public static readonly SandboxScenario RateLimited = new("rate-limited", true, true);
    public static readonly SandboxScenario RateLimitedDate = new("rate-limited-date", true, true);
    public static readonly SandboxScenario RefusedKey = new("refused-key", true, false);
    public static readonly SandboxScenario UntrustedCertificate = new("untrusted-certificate", false, false);
    public static readonly SandboxScenario WriteDropped = new("write-dropped", true, true);

    public static IReadOnlyList<SandboxScenario> All { get; } = [Plain, ExtraFields, RateLimited, RateLimitedDate, RefusedKey, UntrustedCertificate, WriteDropped];

    public override string ToString() => Name;
}
