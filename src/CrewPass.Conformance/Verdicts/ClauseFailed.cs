using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Verdicts;

/// <summary>
/// A check's assertions found the subject breaking its clause: the one failure type, whichever test framework (if
/// any) runs the check, so the outcome never depends on which exception a framework throws.
/// </summary>
public sealed class ClauseFailed(string message) : CheckEnded(message, Outcome.Failed);
