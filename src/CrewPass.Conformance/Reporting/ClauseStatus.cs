namespace CrewPass.Conformance.Reporting;

/// <summary>A clause's status from its checks' outcomes, by the precedence <see cref="Outcome"/> declares.</summary>
public static class ClauseStatus
{
    /// <summary>The outcomes a check can end with, in precedence order (the report counts each).</summary>
    public static IReadOnlyList<Outcome> CheckOutcomes { get; } = Enum.GetValues<Outcome>().Where(o => o < Outcome.NotYetCovered).ToArray();

    /// <summary>
    /// Passed only when a check passed and none ended otherwise: transport errors and inconclusive checks prove
    /// nothing, so a clause made only of them is reported as such, never as passed.
    /// </summary>
    public static Outcome Of(IReadOnlyCollection<Outcome> outcomes) => outcomes.Count == 0 ? Outcome.NoChecksRan : outcomes.Min();
}
