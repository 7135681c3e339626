using CrewPass.Reference;
using Microsoft.AspNetCore.Builder;

namespace CrewPass.Conformance.Service;

/// <summary>
/// The sandbox as the service hosts it: the shared endpoint, each session's untrusted-certificate listener, and what a
/// session's page tells the partner's client (base URL, key, secret, CA) per scenario.
/// </summary>
public sealed class HostedSandbox : IAsyncDisposable
{
    public const string CertificatesSetting = "sandbox-certificates";

    /// <summary>
    /// A judgement claimed this long ago and never stored was abandoned (its instance died): a starting instance
    /// reopens the session. Far above a judgement's time (bench/run.sh --service), so no live one is taken back.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    private HostedSandbox(CertificationStore sessions, SandboxStore store, SandboxTenants tenants,
        UntrustedListeners untrusted, Certificates certificates, WebApplication endpoint, Uri baseUrl) =>
        (_sessions, Store, _tenants, _untrusted, Certificates, _endpoint, BaseUrl) =
        (sessions, store, tenants, untrusted, certificates, endpoint, baseUrl);

    private readonly CertificationStore _sessions;
    private readonly SandboxTenants _tenants;
    private readonly UntrustedListeners _untrusted;
    private readonly WebApplication _endpoint;

    public SandboxStore Store { get; }

    public Certificates Certificates { get; }

    public Uri BaseUrl { get; }

    /// <summary>
    /// Starts the endpoint with the certificates every instance shares (made by the first, kept in the database), and
    /// listens again for the sessions not judged yet.
    /// </summary>
    public static async Task<HostedSandbox> StartAsync(CertificationStore store, ServiceOptions options)
    {
        var certificates = Certificates.Import(Convert.FromBase64String(store.Setting(CertificatesSetting,
            () => Convert.ToBase64String(Certificates.Create(TimeSpan.FromDays(825)).Export()))));
        var sandboxStore = new SandboxStore(store.Database);
        var tenants = new SandboxTenants(sandboxStore, certificates);
        var endpoint = await SandboxEndpoint.StartAsync(options.SandboxPort, certificates, sandboxStore, tenants);
        var untrusted = new UntrustedListeners(store, sandboxStore, certificates);
        store.ReopenAbandoned(AbandonedAfter);
        foreach (var session in store.Unjudged()) await untrusted.StartAsync(session);
        var listening = new Uri(endpoint.Urls.First());
        return new HostedSandbox(store, sandboxStore, tenants, untrusted, certificates, endpoint,
            options.SandboxUrl ?? new Uri($"https://127.0.0.1:{listening.Port}"));
    }

    public Task<bool> OpenAsync(HostedSession session) => _untrusted.StartAsync(session);

    /// <summary>What the session's page gives per scenario.</summary>
    public IReadOnlyList<(ScenarioKey Key, string? BaseUrl)> Scenarios(string session) =>
        Store.KeysOf(session).Select(k => (k, BaseUrlOf(k))).ToArray();

    /// <summary>
    /// The shared endpoint; for untrusted-certificate, the session's own port (stored: any instance tells it).
    /// </summary>
    private string? BaseUrlOf(ScenarioKey key) => key.Scenario != ClientScenario.UntrustedCertificate
        ? BaseUrl.ToString().TrimEnd('/')
        : _sessions.Session(key.Session)?.UntrustedPort is { } port ? $"https://{BaseUrl.Host}:{port}" : null;

    /// <summary>The client's environment for one scenario, as the local sandbox's client.env has it.</summary>
    public IReadOnlyList<(string Name, string Value)> Environment(ScenarioKey key, string caPath) =>
    [
        ("CREWPASS_BASE_URL", BaseUrlOf(key) ?? ""), ("CREWPASS_API_KEY", key.Key),
        ("CREWPASS_SIGNING_SECRET", key.Secret), ("CREWPASS_CA_CERTIFICATE", caPath), ("SSL_CERT_FILE", caPath),
        ("REQUESTS_CA_BUNDLE", caPath), ("CURL_CA_BUNDLE", caPath), ("NODE_EXTRA_CA_CERTS", caPath),
    ];

    /// <summary>Stops serving the session here; another instance refuses its keys once it is judged.</summary>
    public async Task StopAsync(string session)
    {
        await _untrusted.StopAsync(session);
        await _tenants.ForgetAsync(session);
    }

    /// <summary>
    /// Writes the session's stored recording as the local sandbox does: FOLDER/&lt;scenario&gt;/recording.json beside
    /// the client.env the judge reads the signing secret from.
    /// </summary>
    public void Export(HostedSession session, string folder)
    {
        var requests = Store.Requests(session.Id);
        var connections = Store.Connections(session.Id);
        foreach (var key in Store.KeysOf(session.Id))
        {
            var scenario = key.Scenario;
            var into = Path.Combine(folder, scenario.Name());
            RecordingFile.Write(into, scenario, session.Seed,
                connections.Where(c => c.Scenario == scenario).Select(c => c.Connection).ToArray(),
                requests.Where(r => r.Scenario == scenario).Select(r => r.Exchange).ToArray());
            File.WriteAllLines(Path.Combine(into, "client.env"),
                Environment(key, Path.Combine(into, "ca.pem")).Select(e => $"{e.Name}={e.Value}"));
        }
    }

    /// <summary>Judges what the database recorded for the session, written out under the folder first.</summary>
    public async Task<ClientJudgement> JudgeAsync(HostedSession session, string folder)
    {
        var recording = Path.Combine(folder, "recording");
        Export(session, recording);
        return await Judge.ClientRecordingAsync(recording, new JudgeOptions(ClientName: session.Client));
    }

    public async ValueTask DisposeAsync()
    {
        await _endpoint.DisposeAsync();
        await _untrusted.DisposeAsync();
        await _tenants.DisposeAsync();
    }
}
