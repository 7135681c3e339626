namespace CrewPass.Reference;

/// <summary>
/// A TCP connection to the sandbox, counted before TLS: a client that refuses the certificate still shows it tried.
/// </summary>
public sealed record SandboxConnection(string Id, DateTimeOffset OpenedAt);
