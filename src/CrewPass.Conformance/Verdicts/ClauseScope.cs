using System.Globalization;
using System.Text;
using FluentAssertions.Execution;

namespace CrewPass.Conformance.Verdicts;

/// <summary>
/// An assertion scope whose failures end the check as <see cref="ClauseFailed"/>, with the scope's reportables
/// (the evidence) in the message, as FluentAssertions words them.
/// </summary>
public static class ClauseScope
{
    public static AssertionScope Open() => new(new ThrowingClauseFailed());

    private sealed class ThrowingClauseFailed : IAssertionStrategy
    {
        private readonly List<string> failures = [];

        public IEnumerable<string> FailureMessages => failures;

        public void HandleFailure(string message) => failures.Add(message);

        public IEnumerable<string> DiscardFailures()
        {
            var discarded = failures.ToArray();
            failures.Clear();
            return discarded;
        }

        public void ThrowIfAny(IDictionary<string, object> context)
        {
            if (failures.Count == 0) return;
            var message = new StringBuilder(string.Join(Environment.NewLine, failures));
            foreach (var (key, value) in context) message.AppendFormat(CultureInfo.InvariantCulture,
                "\n\nWith {0}:\n{1}", key, value);
            throw new ClauseFailed(message.ToString());
        }
    }
}
