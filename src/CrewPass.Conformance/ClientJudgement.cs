using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Verdicts;

namespace CrewPass.Conformance;

/// <summary>What <see cref="Judge.ClientRecordingAsync"/> found: every check's verdict and the report built from them.</summary>
public sealed record ClientJudgement(IReadOnlyList<Verdict> Verdicts, ConformanceReport Report)
{
    /// <summary>Why no certificate may be issued for this judgement; none means it may (every CLIENT clause judged, none failed).</summary>
    public IReadOnlyList<string> CertificateBlockers =>
    [
        .. Report.Problems,
        .. Verdicts.Where(v => v.Outcome is not (Outcome.Passed or Outcome.NotApplicable)).GroupBy(v => (v.Clause, v.Outcome))
            .Select(g => $"{g.Key.Clause}: {g.Count()} {g.Key.Outcome.ReportName()}, first: {g.First().Test}"),
        .. ClauseCatalogue.All.Where(c => c.JudgesClient && Verdicts.All(v => v.Clause != c.Id)).Select(c => $"{c.Id}: no check ran"),
    ];
}
