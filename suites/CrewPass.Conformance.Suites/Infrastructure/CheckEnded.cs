using CrewPass.Conformance.Http;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>
/// A check that ends without a verdict on the target says why with a type, never with a message prefix: the wrapper
/// (<see cref="ClauseAttribute"/>) turns each into its outcome, whatever text the target put in the evidence.
/// </summary>
public abstract class CheckEnded(string message, string outcome, IReadOnlyList<Exchange>? evidence = null) : Exception(message)
{
    public string Outcome { get; } = outcome;
    public IReadOnlyList<Exchange> Evidence { get; } = evidence ?? [];
}
