using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Evidence;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Verdicts;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>
/// Runs one check of a clause and records its verdict: holds what the check declared, classifies how it ended by type
/// (the engine's <see cref="CheckClassifier"/>), applies a known deviation, and sets NUnit's result to match.
/// </summary>
internal sealed class VerdictCommand(
    TestCommand inner, Clause clause, Holds alone, Holds reads) : DelegatingTestCommand(inner)
{
    /// <summary>The target never passed its preflight: the first such check reports why (once per run), the rest do not run.</summary>
    private static TestResult NotRun(TestExecutionContext context, string targetName)
    {
        var result = context.CurrentResult;
        var problems = Run.Current.Problems;
        if (Run.ClaimPreflightReport())
            result.SetResult(ResultState.Failure, Redactor.Redact(PreflightSuite.Message(problems)));
        else
            result.SetResult(ResultState.Ignored,
                $"not run: {targetName} did not pass the preflight; its one message is on the first test that ran");
        return result;
    }

    /// <summary>A client that cannot be judged at all: its first check reports why (once per client), the rest do not run.</summary>
    private static TestResult NotRunClient(TestExecutionContext context, string client, string problem)
    {
        var result = context.CurrentResult;
        if (ClientRuns.ClaimProblemReport(client, problem))
            result.SetResult(ResultState.Failure, Redactor.Redact(problem));
        else
            result.SetResult(ResultState.Ignored,
                $"not run: {client} cannot be judged; the one message is on its first check that ran");
        return result;
    }

    /// <summary>A listed failure is accepted until its expiry; a listed check that passes, or an expired entry, fails the gate.</summary>
    private static (ResultState, Outcome, string) Judge(
        KnownDeviation deviation, ResultState state, Outcome outcome, string message)
    {
        if (deviation.ExpiredOn(DateOnly.FromDateTime(DateTime.UtcNow)))
            return (ResultState.Failure, Outcome.Failed,
                $"the known deviation {deviation} has expired: fix the deviation or renew its entry in KnownDeviations. {message}");
        return outcome switch
        {
            Outcome.Failed or Outcome.Warning => (ResultState.Success, Outcome.KnownDeviation,
                $"known deviation {deviation}. What failed: {message}"),
            Outcome.Passed => (ResultState.Failure, Outcome.Failed,
                $"listed as a known deviation ({deviation}) but now passes: remove it from the list"),
            _ => (state, outcome, message),
        };
    }

    public override TestResult Execute(TestExecutionContext context)
    {
        var suite = context.TestObject as ConformanceSuite;
        var target = suite?.StartedTarget;
        if (suite is not null && target is null) return NotRun(context, suite.TargetName);
        var client = context.TestObject as ClientSuite;
        // A run whose settings or target fail is one message, whatever else it was asked to judge.
        if (client is not null && Run.Current.Problems.Count > 0) return NotRun(context, client.Name);
        if (client?.Unavailable() is { } unavailable) return NotRunClient(context, client.Name, unavailable);
        var transcript = new List<string>();
        var ended = RunCheck(context, target, transcript);
        // The outcome comes from the type the check ended with, never from its text (which quotes the target).
        var cause = ended as CheckEnded ?? (ended as TransportException
            ?? ended?.InnerException as TransportException) ?? ended;
        var (state, outcome, message) = Classify(cause, context.CurrentResult, transcript);
        return Record(context, target?.Name ?? client?.Name ?? "", cause, state, outcome, message, transcript);
    }

    /// <summary>
    /// Runs the check holding what it declared, its requests counted for its clause and its exchanges collected;
    /// what it ended with (an assertion, a skip, an error) is returned: the verdict applies to every outcome alike.
    /// </summary>
    private Exception? RunCheck(TestExecutionContext context, TargetUnderTest? target, List<string> transcript)
    {
        ConformanceClient.Transcript.Value = transcript;
        var observing = HarnessHandler.ObserveRateLimits.Value;
        // Checks that read a budget see every 429 as it came; elsewhere the handler waits a 429 out and asks again.
        HarnessHandler.ObserveRateLimits.Value = clause.Area == "RATE" || alone.HasFlag(Holds.RateLimitBudget);
        // A case that uses a key holds that key's budget too: only ME-03's and RATE-01's RateLimitKey cases wait for the exhaustion.
        var spent = context.CurrentTest.Arguments.OfType<KeyUse>().Aggregate(Holds.Nothing, (holds,
            key) => holds | key.Spends);
        using (RequestLedger.For(clause.Id))
        using (target?.Hold(alone, reads | spent))
        {
            try
            {
                context.CurrentResult = innerCommand.Execute(context);
                return null;
            }
            catch (Exception e)
            {
                if (e is not (CheckEnded or TransportException)) context.CurrentResult.RecordException(e);
                return e;
            }
            finally
            {
                HarnessHandler.ObserveRateLimits.Value = observing;
            }
        }
    }

    /// <summary>The report's outcome and message (the engine's rule for typed ends), and NUnit's state to match.</summary>
    private (ResultState State, Outcome Outcome, string Message) Classify(
        Exception? cause, TestResult result, List<string> transcript)
    {
        var settings = Run.Current.Settings;
        var strict = settings is { Strict: true };
        var failOnShould = settings is { FailOnShould: true };
        var (outcome, message) = cause is null or AssertionException or MultipleAssertException or IgnoreException or InconclusiveException or SuccessException
            ? OfNUnit(result, failOnShould)
            : CheckClassifier.Of(cause, clause, failOnShould, transcript);
        var state = outcome switch
        {
            Outcome.Passed => result.ResultState.Status == TestStatus.Passed ? result.ResultState : ResultState.Success,
            Outcome.Failed => ResultState.Failure,
            Outcome.Warning => ResultState.Warning,
            // A run that names no client judges none: never a failure, strict or not.
            Outcome.Skipped when cause is NoClientGiven => ResultState.Ignored,
            Outcome.Skipped or Outcome.Inconclusive when strict => ResultState.Failure,
            Outcome.Skipped or Outcome.NotApplicable => ResultState.Ignored,
            Outcome.Inconclusive => ResultState.Inconclusive,
            _ => ResultState.Error,
        };
        return (state, outcome, message);
    }

    /// <summary>A check that ended through NUnit (an assertion, or none): the outcome its result state stands for.</summary>
    private (Outcome, string) OfNUnit(TestResult result, bool failOnShould) => result.ResultState.Status switch
    {
        TestStatus.Passed => (Outcome.Passed, result.Message),
        TestStatus.Failed => (CheckClassifier.Failure(clause, failOnShould), result.Message),
        TestStatus.Warning => (Outcome.Warning, result.Message),
        // An Assert.Ignore or Inconclusive the check did not type: a harness bug, shown as a failure to conclude.
        _ => (Outcome.Inconclusive, "untyped end of check: " + result.Message),
    };

    /// <summary>Redacts, applies a known deviation (never under Strict), sets NUnit's result and records the verdict.</summary>
    private TestResult Record(TestExecutionContext context, string subject, Exception? cause,
        ResultState state, Outcome outcome, string message, List<string> transcript)
    {
        var result = context.CurrentResult;
        message = Redactor.Redact(message);
        var stackTrace = Redactor.Redact(result.StackTrace);
        var deviation = Run.Current.KnownDeviations.FirstOrDefault(d => d.Covers(clause.Id,
            context.CurrentTest.FullName));
        if (deviation is not null && Run.Current.Settings is not { Strict: true })
            (state, outcome, message) = Judge(deviation, state, outcome, message);
        var prefixed = state.Status is TestStatus.Failed or TestStatus.Warning
            ? $"[{clause.Id} {clause.LevelName}] {message}" : message;
        result.SetResult(state, prefixed, stackTrace);
        VerdictLog.Record(subject, clause, context.CurrentTest.Name, outcome, prefixed, transcript.ToArray(),
            (cause as Inconclusive)?.Owner, (cause as NotJudged)?.Half, (cause as NeedsSetting)?.Setting);
        return result;
    }
}
