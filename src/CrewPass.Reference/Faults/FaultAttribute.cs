namespace CrewPass.Reference;

[AttributeUsage(AttributeTargets.Field)]
public sealed class FaultAttribute(string description, params string[] clauses) : Attribute
{
    public string Description { get; } = description;
    public IReadOnlyList<string> Clauses { get; } = clauses;

    /// <summary>
    /// The fault acts on a read (the key check, the rate-limit headers, the answer, the data): it can sit on any read
    /// endpoint, a profile-added one too (ReferenceOptions.FaultPath), where the checks of that endpoint must catch it.
    /// </summary>
    public bool OnAnyRead { get; init; }
}
