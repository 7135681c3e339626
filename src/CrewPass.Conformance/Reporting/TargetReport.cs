namespace CrewPass.Conformance.Reporting;

public sealed record TargetReport(
    string Name,
    string BaseUrl,
    string? PartnerId,
    IReadOnlyDictionary<string, string> KeyModes,
    IReadOnlyDictionary<string, string> Credentials,
    IReadOnlyDictionary<string, string> Profile,
    IReadOnlyDictionary<string, IReadOnlyDictionary<Outcome, int>> Counts,
    IReadOnlyList<ClauseReport> Clauses,
    string Kind = TargetKinds.Deployment,
    string? ProfileSha256 = null,
    IReadOnlyDictionary<string, string>? ChangedSettings = null);
