using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Verdicts;

namespace CrewPass.Conformance.Reporting;

/// <summary>The gate's verdict and exit code from what a run judged: one rule for every host.</summary>
public static class Gate
{
    /// <param name="problems">Settings, targets or clients that could not be used at all.</param>
    /// <param name="judged">The verdicts on what the run judges.</param>
    /// <param name="unchecked">MUST clauses of a judged subject that no check of the run judged.</param>
    /// <param name="subjects">The report's subjects, whose clauses may have ended inconclusive.</param>
    public static GateReport Of(IReadOnlyList<string> problems, IReadOnlyList<Verdict> judged,
        IReadOnlyList<string> @unchecked,
        IReadOnlyList<TargetReport> subjects, bool strict, bool failOnShould)
    {
        IEnumerable<string> Reasons(Outcome outcome, string what) =>
            judged.Where(v => v.Outcome == outcome).GroupBy(v => (v.Target, v.Clause, v.Level))
                .Select(g => $"{g.Key.Clause} {(g.Key.Level == ClauseLevel.Must ? "MUST" : "SHOULD")} on {g.Key.Target}: {g.Count()} {what}");
        var failures = Reasons(Outcome.Failed, "failing checks").Concat(strict ? @unchecked : [])
            .Concat(strict ? Reasons(Outcome.Inconclusive,
                "inconclusive checks; Strict needs every check to conclude") : []).ToArray();
        var cannot = Reasons(Outcome.HarnessError, "checks the harness itself failed in")
            .Concat(strict ? Reasons(Outcome.Skipped, "checks skipped for a setting; Strict needs every setting") : [])
            .Concat(judged.Count == 0 && problems.Count == 0 ? ["no check ran (a filter that selects nothing?)"]
                : []).ToArray();
        var transport = Reasons(Outcome.TransportError, "transport errors (no answer): no verdict").ToArray();
        var unanswered = @unchecked.Concat(UnansweredMustClauses(subjects)).ToArray();
        // The exit-code contract: settings or target unusable first, then a failure, then what kept the run from a verdict.
        var exitCode = problems.Count > 0 ? GateExitCodes.CannotTest
            : failures.Length > 0 ? GateExitCodes.NotConformant
            : cannot.Length > 0 ? GateExitCodes.CannotTest
            : transport.Length > 0 ? GateExitCodes.TransportErrorsOnly
            : unanswered.Length > 0 ? GateExitCodes.MustClauseUnanswered
            : GateExitCodes.Conformant;
        var reasons = problems.Concat(failures).Concat(cannot).Concat(transport).Concat(strict ? []
            : unanswered).ToArray();
        return new GateReport(exitCode == GateExitCodes.Conformant ? Outcome.Passed : Outcome.Failed,
            failOnShould ? "should" : "must", strict, reasons, exitCode, GateExitCodes.Meaning(exitCode));
    }

    /// <summary>The MUST clauses whose checks all ended inconclusive (or inconclusive beside passes): no verdict, so never conformant.</summary>
    private static IEnumerable<string> UnansweredMustClauses(IEnumerable<TargetReport> subjects) =>
        from subject in subjects
        from clause in subject.Clauses
        where clause.Level == "MUST" && clause.Status == Outcome.Inconclusive
        select $"{clause.Id} MUST on {subject.Name}: inconclusive, no verdict (its precondition: " +
               $"{string.Join(", ", clause.Checks.Select(c => c.Owner).OfType<string>().Distinct().DefaultIfEmpty("none named"))})";
}
