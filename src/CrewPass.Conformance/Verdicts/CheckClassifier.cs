using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Verdicts;

/// <summary>A check's outcome from the type it ended with and its clause's level, never from its text.</summary>
public static class CheckClassifier
{
    /// <param name="cause">What the check ended with; null when it ended normally (passed).</param>
    /// <param name="transcript">The exchanges so far, quoted when the check could not conclude.</param>
    public static (Outcome Outcome, string Message) Of(
        Exception? cause, Clause clause, bool failOnShould, IReadOnlyList<string> transcript) =>
        cause switch
        {
            null => (Outcome.Passed, ""),
            ClauseFailed failed => (Failure(clause, failOnShould), failed.Message),
            CheckEnded ended => (ended.Outcome, ended.Message),
            TransportException t => (Outcome.TransportError,
                $"transport error, not a conformance verdict: {t.Message}\nexchanges so far: {string.Join("; ", transcript)}"),
            // Only an assertion judges the subject; anything else thrown is the harness failing, and says so.
            _ => (Outcome.HarnessError, $"harness error, not a conformance verdict: {cause.GetType().Name}: {cause.Message}" +
                                        $"\nexchanges so far: {string.Join("; ", transcript)}"),
        };

    /// <summary>A failed assertion: a failure, or a warning for a SHOULD clause unless FailOn=should.</summary>
    public static Outcome Failure(Clause clause, bool failOnShould) =>
        clause.Level == ClauseLevel.Should && !failOnShould ? Outcome.Warning : Outcome.Failed;
}
