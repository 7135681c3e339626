using System.Collections.Concurrent;

namespace CrewPass.Conformance.Clients;

/// <summary>The sessions of a recording folder, one per scenario, read once each: no exit status, so those halves are not judged.</summary>
public sealed class RecordedSessions(string folder) : IClientSessions
{
    private readonly ConcurrentDictionary<string, Lazy<ClientSession>> read = new();

    public string Folder { get; } = folder;

    public Task<ClientSession> SessionAsync(SandboxScenario scenario) => Task.FromResult(read.GetOrAdd(scenario.Name,
        name => new Lazy<ClientSession>(() => new ClientSession(scenario, ClientRecording.Read(Folder, name, ClientRecording.ExpectedVersion), null,
            ClientRecording.SigningSecretIn(Folder, name), Path.Combine(Folder, name)))).Value);

    /// <summary>Why the folder cannot be judged at all (empty, missing, another version's), in one message; null when it can.</summary>
    public string? Problem()
    {
        if (!Directory.Exists(Folder) || !Directory.EnumerateFileSystemEntries(Folder).Any())
            return $"ClientRecording: {Folder} is empty or missing: record the client first with " +
                   $"`dotnet run --project src/CrewPass.Reference -- --certify-client --record {Folder}`";
        try
        {
            foreach (var scenario in SandboxScenario.All) ClientRecording.Read(Folder, scenario.Name, ClientRecording.ExpectedVersion);
            return null;
        }
        catch (Settings.HarnessConfigurationException e)
        {
            return e.Message;
        }
    }
}
