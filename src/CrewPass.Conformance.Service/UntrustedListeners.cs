using System.Collections.Concurrent;
using CrewPass.Reference;

namespace CrewPass.Conformance.Service;

/// <summary>
/// untrusted-certificate's listeners, one a session: a client that refuses the certificate never sends the key that
/// would name its session, so the port does. The port is stored, and a restarted service listens on it again.
/// </summary>
public sealed class UntrustedListeners(CertificationStore store, SandboxStore sandbox, Certificates trusted)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ReferenceHost> _running = new(StringComparer.Ordinal);

    /// <summary>Listens for the session (on its stored port, if it has one); false when that port is taken.</summary>
    public async Task<bool> StartAsync(HostedSession session)
    {
        if (_running.ContainsKey(session.Id)) return true;
        var key = sandbox.KeysOf(session.Id).Single(k => k.Scenario == ClientScenario.UntrustedCertificate);
        var options = new StoredScenario(sandbox, key).Options(session.UntrustedPort ?? 0);
        try
        {
            var directory = PartnerDirectory.ForClient(key.Key, key.Secret);
            var host = await ReferenceHost.StartAsync(options, directory, trusted);
            _running[session.Id] = host;
            if (session.UntrustedPort is null) store.ListensAt(session.Id, new Uri(host.BaseUrl).Port);
            return true;
        }
        catch (IOException)
        {
            // Another instance on this machine listens for it already.
            return false;
        }
    }

    public async Task StopAsync(string session)
    {
        if (_running.TryRemove(session, out var host)) await host.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _running.Keys) await StopAsync(session);
    }
}
