using System.Collections.Concurrent;
using CrewPass.Reference;

namespace CrewPass.Conformance.Service;

/// <summary>
/// The sessions' running sandboxes, one client-certification sandbox each, recording into the session's folder under
/// the data folder. Held in this process: a session whose process ended is judged from what its folder recorded.
/// </summary>
public sealed class Sandboxes(string data) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ClientSandbox>>> _running = new();

    public string RecordingOf(string session) => Path.Combine(data, "sessions", session, "recording");

    public Task<ClientSandbox> StartAsync(string session) => _running.GetOrAdd(session,
        id => new Lazy<Task<ClientSandbox>>(() => ClientSandbox.StartAsync(RecordingOf(id), Random.Shared.Next(1,
            1_000_000)))).Value;

    public ClientSandbox? Running(string session) =>
        _running.TryGetValue(session, out var sandbox) && sandbox.Value.IsCompletedSuccessfully ? sandbox.Value.Result
            : null;

    /// <summary>Stops the session's sandbox, so its recordings are whole (if it runs).</summary>
    public async Task StopAsync(string session)
    {
        if (_running.TryRemove(session, out var sandbox)) await (await sandbox.Value).DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _running.Keys) await StopAsync(session);
    }
}
