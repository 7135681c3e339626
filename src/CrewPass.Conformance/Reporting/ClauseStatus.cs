namespace CrewPass.Conformance.Reporting;

/// <summary>A clause's status from its checks' outcomes.</summary>
public static class ClauseStatus
{
    public const string NoChecksRan = "no checks ran";

    /// <summary>
    /// Passed only when a check passed and none ended otherwise: transport errors and inconclusive checks prove
    /// nothing, so a clause made only of them is reported as such, never as passed.
    /// </summary>
    public static string Of(IReadOnlyCollection<string> outcomes)
    {
        if (outcomes.Count == 0) return NoChecksRan;
        foreach (var outcome in new[] { Outcomes.Failed, Outcomes.HarnessError, Outcomes.TransportError, Outcomes.Warning, Outcomes.KnownDeviation, Outcomes.Inconclusive, Outcomes.Skipped })
            if (outcomes.Contains(outcome)) return outcome;
        return outcomes.All(o => o == Outcomes.NotApplicable) ? Outcomes.NotApplicable : Outcomes.Passed;
    }
}
