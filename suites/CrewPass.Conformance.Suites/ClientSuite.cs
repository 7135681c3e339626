using CrewPass.Conformance.Clients;
using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Suites.Infrastructure;
using CrewPass.Conformance.Verdicts;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites;

/// <summary>
/// CLIENT: a partner's own integration, judged by the sandbox. The checks are the engine's (<see cref="ClientChecks"/>);
/// this fixture gives them each scenario's session. One fixture per client: the one the run names, and each variant of
/// the sample (ClientFaults).
/// </summary>
[TestFixtureSource(typeof(ClientCases), nameof(ClientCases.Clients))]
public sealed class ClientSuite(string client) : IClientSessions
{
    public string Name { get; } = client;

    private static HarnessSettings Settings => Run.Planned.Settings!;

    private ClientUnderTest Client => ClientRuns.Resolve(Name, Settings) ?? throw new NoClientGiven();

    /// <summary>Why none of this client's checks can run (reported once, by its first check); null when they can.</summary>
    public string? Unavailable()
    {
        // Against the embedded reference a certificate can only be a client's, and it names the partner's own client.
        if (ClientRuns.Resolve(Name, Settings) is not { } resolved)
            return Settings.IsEmbedded && Settings.Certify
                ? "Certify=true for a client needs the client: set ClientCommand (CREWPASS_CLIENT_COMMAND) to run it, or ClientRecording (CREWPASS_CLIENT_RECORDING) to judge what a `--certify-client --record DIR` sandbox recorded"
                : null;
        return ClientRuns.ProblemAsync(resolved, Settings).GetAwaiter().GetResult();
    }

    // One method per set of scenarios, not per check: a new CLIENT check needs none, and NUnit interleaves these groups
    // with the other suites' work instead of queueing every CLIENT case, each waiting for its scenario, in one block.
    [ClauseOfCase]
    [TestCaseSource(typeof(ClientCases), nameof(ClientCases.Of), new object[] { ScenarioSet.Served })]
    public Task OnServed(ClientCheckCase check) => check.RunAsync(this);

    [ClauseOfCase]
    [TestCaseSource(typeof(ClientCases), nameof(ClientCases.Of), new object[] { ScenarioSet.Writes })]
    public Task OnWrites(ClientCheckCase check) => check.RunAsync(this);

    [ClauseOfCase]
    [TestCaseSource(typeof(ClientCases), nameof(ClientCases.Of), new object[] { ScenarioSet.UntrustedCertificate })]
    public Task OnUntrustedCertificate(ClientCheckCase check) => check.RunAsync(this);

    [ClauseOfCase]
    [TestCaseSource(typeof(ClientCases), nameof(ClientCases.Of), new object[] { ScenarioSet.RateLimited })]
    public Task OnRateLimited(ClientCheckCase check) => check.RunAsync(this);

    [ClauseOfCase]
    [TestCaseSource(typeof(ClientCases), nameof(ClientCases.Of), new object[] { ScenarioSet.RefusedKey })]
    public Task OnRefusedKey(ClientCheckCase check) => check.RunAsync(this);

    [ClauseOfCase]
    [TestCaseSource(typeof(ClientCases), nameof(ClientCases.Of), new object[] { ScenarioSet.ExtraFields })]
    public Task OnExtraFields(ClientCheckCase check) => check.RunAsync(this);

    [ClauseOfCase]
    [TestCaseSource(typeof(ClientCases), nameof(ClientCases.Of), new object[] { ScenarioSet.WriteDropped })]
    public Task OnWriteDropped(ClientCheckCase check) => check.RunAsync(this);

    [ClauseOfCase]
    [TestCaseSource(typeof(ClientCases), nameof(ClientCases.Of), new object[] { ScenarioSet.Run })]
    public Task OnRun(ClientCheckCase check) => check.RunAsync(this);

    public Task<ClientSession> SessionAsync(SandboxScenario scenario) => ClientRuns.SessionAsync(Client, scenario,
        Settings);
}
