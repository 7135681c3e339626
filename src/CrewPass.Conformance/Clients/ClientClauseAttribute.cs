namespace CrewPass.Conformance.Clients;

/// <summary>Marks a method of <see cref="ClientChecks"/> as the check of a CLIENT clause, over the scenarios it judges.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClientClauseAttribute(string id, ScenarioSet scenarios) : Attribute
{
    public string Id { get; } = id;

    public ScenarioSet Scenarios { get; } = scenarios;
}
