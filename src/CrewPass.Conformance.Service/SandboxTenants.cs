using System.Collections.Concurrent;
using CrewPass.Reference;

namespace CrewPass.Conformance.Service;

/// <summary>
/// The tenants this instance has composed, by key. Only a cache: everything a tenant keeps is in the database, so an
/// instance that never saw a session composes its tenants at the first request that names one.
/// </summary>
public sealed class SandboxTenants(SandboxStore store, Certificates certificates) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SandboxTenant>>> _composed = new(StringComparer.Ordinal);

    public async Task<SandboxTenant> ForAsync(ScenarioKey key)
    {
        var composing = _composed.GetOrAdd(key.Key,
            _ => new Lazy<Task<SandboxTenant>>(() => SandboxTenant.ComposeAsync(store, key, certificates)));
        try
        {
            return await composing.Value;
        }
        catch
        {
            // A composition that failed is not kept: the next request tries again.
            _composed.TryRemove(new KeyValuePair<string, Lazy<Task<SandboxTenant>>>(key.Key, composing));
            throw;
        }
    }

    /// <summary>Lets a judged session's tenants go.</summary>
    public async Task ForgetAsync(string session)
    {
        foreach (var (key, tenant) in Composed().Where(t => t.Tenant.Key.Session == session))
            if (_composed.TryRemove(key, out _)) await tenant.DisposeAsync();
    }

    private IEnumerable<(string Key, SandboxTenant Tenant)> Composed() => _composed
        .Where(t => t.Value.IsValueCreated && t.Value.Value.IsCompletedSuccessfully)
        .Select(t => (t.Key, t.Value.Value.Result)).ToArray();

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, tenant) in Composed()) await tenant.DisposeAsync();
        _composed.Clear();
    }
}
