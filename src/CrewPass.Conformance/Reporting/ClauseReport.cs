namespace CrewPass.Conformance.Reporting;

public sealed record ClauseReport(string Id, string Area, string Level, string Text, Outcome Status, IReadOnlyList<CheckReport> Checks);
