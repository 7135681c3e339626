
namespace CrewPass.Conformance.Clients;

/// <summary>One scenario played to one client: the sandbox's recording, how the client ended (none for a recording), the secret its writes are checked with.</summary>
public sealed record ClientSession(
    SandboxScenario Scenario, ClientRecording Recording, ClientExit? Exit, string? SigningSecret, string Folder)
{
    public IReadOnlyList<RecordedRequest> Requests => Recording.Requests;

    public DateTimeOffset Start => Recording.Connections.Select(c => c.OpenedAt).Concat(Requests.Select(r => r.ArrivedAt)).DefaultIfEmpty(DateTimeOffset.UtcNow).Min();

    public string Evidence(IEnumerable<RecordedRequest> requests) =>
        $"scenario {Scenario.Name}, {Exit?.ToString() ?? "recorded (no exit status)"}, {Recording.Connections.Count} connections, {Requests.Count} requests (recording {Path.Combine(Folder, ClientRecording.FileName)}):\n"
        + string.Concat(requests.Select(r => r.Evidence(Start)));
}
