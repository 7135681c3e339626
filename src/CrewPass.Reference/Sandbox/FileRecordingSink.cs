namespace CrewPass.Reference;

/// <summary>
/// The local sandbox's sink: the whole recording rewritten to FOLDER/recording.json after each event.
/// </summary>
public sealed class FileRecordingSink(string folder, ClientScenario scenario, int seed) : IRecordingSink
{
    private readonly Lock _gate = new();
    private readonly List<SandboxConnection> _connections = [];
    private readonly List<SandboxExchange> _requests = [];

    public void Connected(SandboxConnection connection) => Change(() => _connections.Add(connection));

    public void Arrived(SandboxExchange exchange) => Change(() => _requests.Add(exchange));

    public void Answered(SandboxExchange exchange) => Change(() => { });

    /// <summary>An empty recording at start, so a client that never connects still leaves one.</summary>
    public void Start() => Change(() => { });

    private void Change(Action change)
    {
        lock (_gate)
        {
            change();
            RecordingFile.Write(folder, scenario, seed, _connections, _requests);
        }
    }
}
