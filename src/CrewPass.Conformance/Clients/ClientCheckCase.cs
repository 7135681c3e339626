using System.Reflection;

namespace CrewPass.Conformance.Clients;

/// <summary>A CLIENT check on one scenario (or on the whole run): its name is the test's name and the report's key.</summary>
public sealed record ClientCheckCase(ClientCheck Check, SandboxScenario? Scenario)
{
    public string Name => Scenario is null ? Check.Name : $"{Check.Name}({Scenario})";

    public Task RunAsync(IClientSessions sessions) =>
        (Task)Check.Method.Invoke(null, BindingFlags.DoNotWrapExceptions, null, Scenario is null ? [sessions] : [sessions, Scenario], null)!;

    public override string ToString() => Name;
}
