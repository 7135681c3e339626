namespace CrewPass.Conformance.Reporting;

/// <param name="Owner">An inconclusive check's precondition: the clause that judges it.</param>
/// <param name="NotJudged">The half of its clause the run could not show (a recording has no exit status).</param>
/// <param name="Needs">A check skipped for a missing setting: the setting to give it.</param>
public sealed record CheckReport(string Name, Outcome Outcome, string Message, IReadOnlyList<string> Exchanges, string? Owner = null, string? NotJudged = null,
    string? Needs = null);
