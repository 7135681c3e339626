using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Verdicts;

/// <param name="Owner">For an inconclusive check: the clause that owns the precondition it could not get past.</param>
/// <param name="NotJudged">For a half the run could not show (a recording's missing exit status): which half.</param>
/// <param name="Needs">For a check skipped for a missing setting: the setting.</param>
public sealed record Verdict(string Target, string Clause, ClauseLevel Level, string Test, Outcome Outcome,
    string Message, IReadOnlyList<string> Exchanges,
    string? Owner = null, string? NotJudged = null, string? Needs = null);
