namespace CrewPass.Conformance.Reporting;

public sealed record GateReport(Outcome Verdict, string FailOn, bool Strict, IReadOnlyList<string> Reasons, int ExitCode = 0, string Meaning = "conformant");
