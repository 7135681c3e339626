using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Verdicts;

/// <summary>The target's profile rules the check out: never a failure, strict or not.</summary>
public sealed class NotApplicable(string reason) : CheckEnded($"not applicable: {reason}", Outcome.NotApplicable);
