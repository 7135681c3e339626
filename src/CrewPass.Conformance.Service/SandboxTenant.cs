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

    public static async Task<SandboxTenant> ComposeAsync(SandboxStore store, ScenarioKey key, Certificates certificates)
    {
        var stored = new StoredScenario(store, key);
        var tenant = new SandboxTenant(key, Program.Compose(stored.Options(), certificates,
            PartnerDirectory.ForClient(key.Key, key.Secret)), stored);
        await tenant.WarmAsync();
        return tenant;
    }

    /// <summary>
    /// One read through the pipeline, muted, before any client's: routing and serialisation are built at a pipeline's
    /// first request, which would otherwise land in a client's answer time (~100 ms).
    /// </summary>
    private async Task WarmAsync()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "https";
        context.Request.Path = "/api/v2/partners/me";
        context.Request.Headers.Authorization = $"Bearer {Key.Key}";
        context.Response.Body = Stream.Null;
        _stored.Muted = true;
        try
        {
            await using var scope = _app.Services.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            await _pipeline(context);
        }
        finally
        {
            _stored.Muted = false;
        }
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
