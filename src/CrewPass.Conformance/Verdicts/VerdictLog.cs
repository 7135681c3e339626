using System.Collections.Concurrent;
using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Verdicts;

/// <summary>Every check's verdict in this run, for the report at its end.</summary>
public static class VerdictLog
{
    private static readonly ConcurrentQueue<Verdict> All = new();

    public static IReadOnlyList<Verdict> Snapshot => All.ToArray();

    public static void Record(
        string target, Clause clause, string test, Outcome outcome, string message, IReadOnlyList<string> exchanges,
            string? owner = null, string? notJudged = null, string? needs = null) =>
        All.Enqueue(new Verdict(target, clause.Id, clause.Level, test, outcome, message, exchanges, owner, notJudged,
            needs));
}
