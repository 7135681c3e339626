namespace CrewPass.Conformance.Signing;

public sealed record NegativeVector(string Name, string Clause, string Reason, string Presented, string? ServerTime)
{
    public override string ToString() => Name;
}
