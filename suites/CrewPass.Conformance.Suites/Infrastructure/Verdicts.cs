using System.Collections.Concurrent;
using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Suites.Infrastructure;

public sealed record Verdict(string Target, string Clause, ClauseLevel Level, string Test, string Outcome, string Message, IReadOnlyList<string> Exchanges);

/// <summary>Every check's verdict in this run, for the report at its end.</summary>
public static class Verdicts
{
    private static readonly ConcurrentQueue<Verdict> All = new();

    public static IReadOnlyList<Verdict> Snapshot => All.ToArray();

    public static void Record(string target, Clause clause, string test, string outcome, string message, IReadOnlyList<string> exchanges) =>
        All.Enqueue(new Verdict(target, clause.Id, clause.Level, test, outcome, message, exchanges));
}
