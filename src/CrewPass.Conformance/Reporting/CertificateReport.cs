namespace CrewPass.Conformance.Reporting;

public sealed record CertificateReport(bool Requested, string? Path, IReadOnlyList<string> Blockers);
