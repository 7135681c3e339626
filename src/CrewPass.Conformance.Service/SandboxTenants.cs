using System.Collections.Concurrent;
using CrewPass.Reference;

namespace CrewPass.Conformance.Service;

/// <summary>
/// The tenants this instance has composed, by key. Only a cache: everything a tenant keeps is in the database, so an
/// instance that never saw a session composes its tenants at the first request that names one.
/// </summary>
public sealed class SandboxTenants(SandboxStore store, Certificates certificates) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<SandboxTenant>> _composed = new(StringComparer.Ordinal);

    public SandboxTenant For(ScenarioKey key) => _composed.GetOrAdd(key.Key,
        _ => new Lazy<SandboxTenant>(() => SandboxTenant.Compose(store, key, certificates))).Value;

    /// <summary>Lets a judged session's tenants go.</summary>
    public async Task ForgetAsync(string session)
    {
        var judged = _composed.Where(t => t.Value.IsValueCreated && t.Value.Value.Key.Session == session);
        foreach (var (key, tenant) in judged)
            if (_composed.TryRemove(key, out _)) await tenant.Value.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var tenant in _composed.Values.Where(t => t.IsValueCreated)) await tenant.Value.DisposeAsync();
        _composed.Clear();
    }
}
