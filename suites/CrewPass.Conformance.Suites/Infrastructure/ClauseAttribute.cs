using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Evidence;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Reporting;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>
/// Names the clause a check enforces. The id is the test's category; the clause's level decides the verdict:
/// a SHOULD failure is a warning unless FailOn=should, a skip for a missing setting fails under Strict=true.
/// Every message leaves here redacted.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClauseAttribute(string id) : CategoryAttribute(id), IWrapTestMethod
{
    public const string NeedsPrefix = "needs ";
    public const string NotApplicablePrefix = "not applicable: ";

    public string Id { get; } = ClauseCatalogue.Exists(id) ? id : throw new ArgumentException($"'{id}' is not a clause of CONTRACT.md");

    public TestCommand Wrap(TestCommand command) => new VerdictCommand(command, ClauseCatalogue.Get(Id));

    private sealed class VerdictCommand(TestCommand inner, Clause clause) : DelegatingTestCommand(inner)
    {
        /// <summary>A listed failure is accepted until its expiry; a listed check that passes, or an expired entry, fails the gate.</summary>
        private static (ResultState, string, string) Judge(KnownDeviation deviation, ResultState state, string outcome, string message)
        {
            if (deviation.ExpiredOn(DateOnly.FromDateTime(DateTime.UtcNow)))
                return (ResultState.Failure, Outcomes.Failed, $"the known deviation {deviation} has expired: fix the deviation or renew its entry in KnownDeviations. {message}");
            return outcome switch
            {
                Outcomes.Failed or Outcomes.Warning => (ResultState.Success, Outcomes.KnownDeviation, $"known deviation {deviation}. What failed: {message}"),
                Outcomes.Passed => (ResultState.Failure, Outcomes.Failed, $"listed as a known deviation ({deviation}) but now passes: remove it from the list"),
                _ => (state, outcome, message),
            };
        }

        public override TestResult Execute(TestExecutionContext context)
        {
            var target = (context.TestObject as ConformanceSuite)?.Target;
            var (gate, exclusive) = target is null ? (null, false) : target.GateFor(clause.Id);
            var transcript = new List<string>();
            TransportException? transportFailure = null;
            ConformanceClient.Transcript.Value = transcript;
            var rateCheck = clause.Area == "RATE";
            if (exclusive) gate?.EnterWriteLock(); else gate?.EnterReadLock();
            var observing = HarnessHandler.ObserveRateLimits.Value;
            HarnessHandler.ObserveRateLimits.Value = rateCheck;
            using (RequestLedger.For(clause.Id))
            {
                // Assertions, skips and errors leave the test method as exceptions; record them here so the verdict
                // below (level, strictness, redaction) applies to every outcome, not just to passes.
                try
                {
                    context.CurrentResult = innerCommand.Execute(context);
                }
                catch (Exception e)
                {
                    transportFailure = e as TransportException ?? e.InnerException as TransportException;
                    context.CurrentResult.RecordException(e);
                }
                finally
                {
                    HarnessHandler.ObserveRateLimits.Value = observing;
                    if (exclusive) gate?.ExitWriteLock(); else gate?.ExitReadLock();
                }
            }
            var result = context.CurrentResult;
            var message = Redactor.Redact(result.Message);
            var stackTrace = Redactor.Redact(result.StackTrace);
            var state = result.ResultState;
            var settings = Run.Current.Settings;
            if (state.Status == TestStatus.Failed && clause.Level == ClauseLevel.Should && settings is { FailOnShould: false })
                state = ResultState.Warning;
            else if (state.Status == TestStatus.Skipped && message.StartsWith(NeedsPrefix, StringComparison.Ordinal) && settings is { Strict: true })
                state = ResultState.Failure;
            var outcome = transportFailure is not null || message.Contains(nameof(TransportException), StringComparison.Ordinal)
                ? Outcomes.TransportError
                : Verdicts.OutcomeOf(state, message);
            if (outcome == Outcomes.TransportError)
                (state, message) = (ResultState.Error, $"transport error, not a conformance verdict: {transportFailure?.Message ?? message}\nexchanges so far: {string.Join("; ", transcript)}");
            if (Run.Current.KnownDeviations.FirstOrDefault(d => d.Covers(clause.Id, context.CurrentTest.FullName)) is { } deviation)
                (state, outcome, message) = Judge(deviation, state, outcome, message);
            var prefixed = state.Status is TestStatus.Failed or TestStatus.Warning ? $"[{clause.Id} {clause.LevelName}] {message}" : message;
            result.SetResult(state, prefixed, stackTrace);
            Verdicts.Record(target?.Name ?? "", clause, context.CurrentTest.Name, outcome, prefixed, transcript.ToArray());
            return result;
        }
    }
}
