namespace CrewPass.Conformance.Service;

/// <summary>A partner's certification session: whose, for which client, and how it was judged (once it was).</summary>
/// <param name="Seed">The seed of extra-fields' generated fields.</param>
/// <param name="UntrustedPort">Where its untrusted-certificate listener listens, once it has.</param>
/// <param name="Clauses">Once judged, each clause's status.</param>
/// <param name="NotJudged">Once judged, the halves a hosted judgement cannot show (the client's exit status).</param>
public sealed record HostedSession(string Id, string Partner, string Client, bool Judged, int? ExitCode,
    string? CertificateId, int Seed, int? UntrustedPort, IReadOnlyList<JudgedClause> Clauses,
    IReadOnlyList<string> NotJudged);
