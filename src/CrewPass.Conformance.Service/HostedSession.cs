namespace CrewPass.Conformance.Service;

/// <summary>A partner's certification session: whose, for which client, and how it was judged (once it was).</summary>
public sealed record HostedSession(string Id, string Partner, string Client, bool Judged, int? ExitCode,
    string? CertificateId);
