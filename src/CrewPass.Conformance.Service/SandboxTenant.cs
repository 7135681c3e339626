using System.Collections.Concurrent;
using CrewPass.Reference;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CrewPass.Conformance.Service;

/// <summary>
/// One scenario of one hosted session: the reference's own client sandbox, composed as the local sandbox composes it
/// but with the session's stored key, secret, recording, nonces and memory, and run behind the service's endpoint
/// without a server of its own.
/// </summary>
public sealed class SandboxTenant : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestDelegate _pipeline;
    private readonly StoredScenario _stored;
    private readonly ConcurrentDictionary<string, bool> _connections = new();

    private SandboxTenant(ScenarioKey key, WebApplication app, StoredScenario stored)
    {
        Key = key;
        _app = app;
        _stored = stored;
        _pipeline = ((IApplicationBuilder)app).Build();
    }

    public ScenarioKey Key { get; }

    public static SandboxTenant Compose(SandboxStore store, ScenarioKey key, Certificates certificates)
    {
        var stored = new StoredScenario(store, key);
        return new SandboxTenant(key, Program.Compose(stored.Options(), certificates,
            PartnerDirectory.ForClient(key.Key, key.Secret)), stored);
    }

    /// <summary>
    /// Serves one request with the tenant's services; its connection is recorded at its first request here.
    /// </summary>
    public async Task ServeAsync(HttpContext context)
    {
        if (_connections.TryAdd(context.Connection.Id, true))
            _stored.Connected(new SandboxConnection(context.Connection.Id, TimeProvider.System.GetUtcNow()));
        var front = context.RequestServices;
        await using var scope = _app.Services.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await _pipeline(context);
        }
        finally
        {
            context.RequestServices = front;
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
