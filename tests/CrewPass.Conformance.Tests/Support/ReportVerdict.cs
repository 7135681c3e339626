using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Tests;

/// <summary>One check's verdict as conformance-report.json types it: failed, transport error, inconclusive, … (the TRX cannot tell them apart).</summary>
/// <param name="Owner">An inconclusive check's precondition: the clause that owns it.</param>
/// <param name="NotJudged">The half of its clause the run could not show (a recording has no exit status).</param>
/// <param name="Needs">A check skipped for a missing setting: the setting.</param>
public sealed record ReportVerdict(string Target, string Clause, string Name, Outcome Outcome, string Message, string? Owner = null, string? NotJudged = null,
    string? Needs = null);
