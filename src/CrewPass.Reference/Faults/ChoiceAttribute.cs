namespace CrewPass.Reference;

[AttributeUsage(AttributeTargets.Field)]
public sealed class ChoiceAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
