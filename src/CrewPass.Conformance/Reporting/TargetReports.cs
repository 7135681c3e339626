using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Verdicts;

namespace CrewPass.Conformance.Reporting;

/// <summary>A subject's entry in the report from its verdicts: its clauses with their checks, and its counts.</summary>
public static class TargetReports
{
    /// <summary>A client's entry: what it is, what it was given, and the CLIENT clauses with their checks.</summary>
    public static TargetReport Client(
        string name, string? display, IReadOnlyDictionary<string, string> described, IReadOnlyList<Verdict> verdicts) =>
        new(name, "the client-certification sandbox (the reference, one instance per scenario)", display,
            new Dictionary<string, string> { ["CREWPASS_API_KEY"] = "test" }, new Dictionary<string, string>(),
                described,
            Counts(verdicts), Clauses(verdicts, c => c.JudgesClient), TargetKinds.Client);

    public static ClauseReport[] Clauses(IReadOnlyList<Verdict> verdicts, Func<Clause, bool> judged) =>
        ClauseCatalogue.All.Where(judged).Select(c =>
        {
            var checks = verdicts.Where(v => v.Clause == c.Id).OrderBy(v => v.Test, StringComparer.Ordinal)
                .Select(v => new CheckReport(v.Test, v.Outcome, v.Message, v.Exchanges, v.Owner, v.NotJudged,
                    v.Needs)).ToArray();
            var status = c.Covered ? ClauseStatus.Of(checks.Select(k => k.Outcome).ToArray()) : Outcome.NotYetCovered;
            return new ClauseReport(c.Id, c.Area, c.LevelName, c.Text, status, checks);
        }).ToArray();

    public static Dictionary<string, IReadOnlyDictionary<Outcome, int>> Counts(IReadOnlyList<Verdict> verdicts) =>
        new[] { ClauseLevel.Must, ClauseLevel.Should }.ToDictionary(
            level => level == ClauseLevel.Must ? "MUST" : "SHOULD",
            level => (IReadOnlyDictionary<Outcome, int>)ClauseStatus.CheckOutcomes.ToDictionary(o => o,
                o => verdicts.Count(v => v.Level == level && v.Outcome == o)));
}
