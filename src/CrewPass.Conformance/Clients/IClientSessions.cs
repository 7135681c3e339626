namespace CrewPass.Conformance.Clients;

/// <summary>Where the CLIENT checks get a scenario's session: a recording read from disk, or a client run in the sandbox.</summary>
public interface IClientSessions
{
    Task<ClientSession> SessionAsync(SandboxScenario scenario);
}
