using System.Reflection;

namespace CrewPass.Conformance.Clients;

/// <summary>One CLIENT check: its clause, its name (the clause id first), and the cases it runs, one per scenario.</summary>
public sealed record ClientCheck(string Clause, string Name, ScenarioSet Scenarios, MethodInfo Method)
{
    public IEnumerable<ClientCheckCase> Cases => Scenarios == ScenarioSet.Run
        ? [new ClientCheckCase(this, null)]
        : Of(Scenarios).Select(s => new ClientCheckCase(this, s));

    public static IReadOnlyList<SandboxScenario> Of(ScenarioSet set) => set switch
    {
        ScenarioSet.Served => SandboxScenario.All.Where(s => s.Served).ToArray(),
        ScenarioSet.Writes => SandboxScenario.All.Where(s => s.Writes).ToArray(),
        ScenarioSet.UntrustedCertificate => [SandboxScenario.UntrustedCertificate],
        ScenarioSet.RateLimited => [SandboxScenario.RateLimited, SandboxScenario.RateLimitedDate],
        ScenarioSet.RefusedKey => [SandboxScenario.RefusedKey],
        ScenarioSet.ExtraFields => [SandboxScenario.ExtraFields],
        ScenarioSet.WriteDropped => [SandboxScenario.WriteDropped],
        _ => SandboxScenario.All,
    };
}
