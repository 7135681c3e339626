using CrewPass.Conformance.Http;
using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Verdicts;

/// <summary>
/// A check that ends without passing says why with a type, never with a message prefix: whoever runs the check turns
/// each into its outcome, whatever text the target put in the evidence.
/// </summary>
public abstract class CheckEnded(
    string message, Outcome outcome, IReadOnlyList<Exchange>? evidence = null) : Exception(message)
{
    public Outcome Outcome { get; } = outcome;
    public IReadOnlyList<Exchange> Evidence { get; } = evidence ?? [];
}
