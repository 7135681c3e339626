namespace CrewPass.Conformance.Settings;

/// <summary>
/// The whole numbers a setting may take, and why: past them the setting could turn a check's failure into a pass, a
/// skip, "not applicable" or an exemption, so a profile would weaken the contract instead of refining it.
/// </summary>
/// <param name="Excluded">Values inside the range that are still refused (429 is the rate limit's status, never a refusal's).</param>
public sealed record Bound(int Min, int Max, string Why, params int[] Excluded)
{
    public bool Allows(int value) => value >= Min && value <= Max && !Excluded.Contains(value);

    public override string ToString() =>
        $"{Min} to {Max}" + (Excluded.Length == 0 ? "" : $", not {string.Join(" or ", Excluded)}") + $": {Why}";
}
