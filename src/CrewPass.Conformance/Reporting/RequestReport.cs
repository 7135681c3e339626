namespace CrewPass.Conformance.Reporting;

public sealed record RequestReport(int Total, IReadOnlyDictionary<string, int> PerClause, double WaitedSeconds, int MaxInFlight = 0, int PeakInFlight = 0);
