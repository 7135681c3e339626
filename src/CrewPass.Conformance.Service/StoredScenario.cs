using System.Collections.Concurrent;
using CrewPass.Reference;

namespace CrewPass.Conformance.Service;

/// <summary>
/// A hosted scenario's recording, nonces and memory, all in the service's database: the sandbox's seams, so the
/// reference that serves it is the one the local sandbox runs, and a restart or another instance goes on where it was.
/// </summary>
public sealed class StoredScenario(SandboxStore store, ScenarioKey key) : IRecordingSink, INonceStore, IScenarioMemory
{
    private readonly ConcurrentDictionary<SandboxExchange, long> _rows = new(ReferenceEqualityComparer.Instance);
    private string Scope => key.Key;

    /// <summary>The reference's client-sandbox options for the scenario, its seams kept here.</summary>
    public ReferenceOptions Options(int port = 0)
    {
        var options = ReferenceOptions.ForClient(key.Scenario, recordTo: "", key.Seed);
        return options with
        {
            Port = port,
            ClientCertification = options.ClientCertification! with { Sink = this, Nonces = this, Memory = this },
        };
    }

    /// <summary>
    /// While set, nothing is kept and no one-off play happens: the tenant's own warm-up request, which no client sent.
    /// </summary>
    public bool Muted { get; set; }

    public void Connected(SandboxConnection connection) => store.Connected(key.Session, key.Scenario, connection);

    public void Arrived(SandboxExchange exchange)
    {
        if (!Muted) _rows[exchange] = store.Arrived(key.Session, key.Scenario, exchange);
    }

    public void Answered(SandboxExchange exchange)
    {
        if (_rows.TryRemove(exchange, out var row)) store.Answered(row, exchange);
    }

    public bool TryAdd(string nonce, long forgetAfter) => store.TryAddNonce(Scope, nonce, forgetAfter);

    public bool Contains(string nonce) => store.HasNonce(Scope, nonce);

    public void Set(string nonce, long forgetAfter) => store.SetNonce(Scope, nonce, forgetAfter);

    public void ForgetBefore(long now) => store.ForgetNonces(Scope, now);

    public bool FirstTime(string @event) => !Muted && store.FirstTime(Scope, @event);
}
