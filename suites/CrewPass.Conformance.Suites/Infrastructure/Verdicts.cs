using System.Collections.Concurrent;
using CrewPass.Conformance.Clauses;
using NUnit.Framework.Interfaces;

namespace CrewPass.Conformance.Suites.Infrastructure;

public sealed record Verdict(string Clause, ClauseLevel Level, string Test, string Outcome, string Message);

/// <summary>Every check's verdict in this run, for the summary at its end.</summary>
public static class Verdicts
{
    private static readonly ConcurrentQueue<Verdict> All = new();

    public static IReadOnlyList<Verdict> Snapshot => All.ToArray();

    public static void Record(Clause clause, string test, ResultState state, string message) =>
        All.Enqueue(new Verdict(clause.Id, clause.Level, test, OutcomeOf(state, message), message));

    private static string OutcomeOf(ResultState state, string message) => state.Status switch
    {
        TestStatus.Passed => "passed",
        TestStatus.Failed => "failed",
        TestStatus.Warning => "warning",
        TestStatus.Skipped when message.StartsWith(ClauseAttribute.NotApplicablePrefix, StringComparison.Ordinal) => "not applicable",
        TestStatus.Skipped => "skipped",
        _ => "inconclusive",
    };
}
