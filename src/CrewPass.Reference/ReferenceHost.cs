using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CrewPass.Reference;

/// <summary>A started reference instance: where it listens, what to trust, and the credentials it issued.</summary>
public sealed class ReferenceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReferenceHost(WebApplication app, string baseUrl, string caPem, IReadOnlyList<ReferenceCredentials> credentialSets, ReferenceOptions options)
    {
        _app = app;
        BaseUrl = baseUrl;
        CaCertificatePem = caPem;
        CredentialSets = credentialSets;
        Options = options;
    }

    public string BaseUrl { get; }
    public string CaCertificatePem { get; }
    public ReferenceCredentials Credentials => CredentialSets[0];

    /// <summary>One set per harness user the instance was started for (ReferenceOptions.PartnerSets).</summary>
    public IReadOnlyList<ReferenceCredentials> CredentialSets { get; }
    public ReferenceOptions Options { get; }

    /// <summary>Authenticated requests the instance has served with a key.</summary>
    public int RequestsWith(string key) => _app.Services.GetRequiredService<PartnerRateLimits>().RequestsWith(key);

    /// <summary>Of those, the ones answered 429.</summary>
    public int ThrottledWith(string key) => _app.Services.GetRequiredService<PartnerRateLimits>().ThrottledWith(key);

    /// <param name="directory">The partners and keys it serves: drawn afresh unless given (a hosted session's are
    /// stored).</param>
    /// <param name="certificates">What a client is told to trust: this process's shared CA unless given.</param>
    public static async Task<ReferenceHost> StartAsync(ReferenceOptions options, PartnerDirectory? directory = null,
        Certificates? certificates = null)
    {
        certificates ??= Certificates.Shared;
        directory ??= new PartnerDirectory(options.PartnerSets);
        // untrusted-certificate: the client is told to trust one CA, and the sandbox presents a certificate from
        // another.
        var served = options.ClientCertification?.Scenario == ClientScenario.UntrustedCertificate ? Certificates.Create() : certificates;
        var app = Program.Compose(options, served, directory);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        return new ReferenceHost(app, $"https://127.0.0.1:{port}", certificates.AuthorityPem, directory.CredentialSets, options);
    }

    /// <summary>The shell lines that point a harness run at this instance.</summary>
    public IEnumerable<string> ExportLines(string caCertificatePath, int set = 0)
    {
        var c = CredentialSets[set];
        yield return $"export CREWPASS_BASE_URL={BaseUrl}";
        yield return $"export CREWPASS_CA_CERTIFICATE={caCertificatePath}";
        yield return $"export CREWPASS_WRITE_SURFACE={Options.WriteSurface.ToString().ToLowerInvariant()}";
        yield return $"export CREWPASS_LIVE_KEY={c.LiveKey}";
        yield return $"export CREWPASS_TEST_KEY={c.TestKey}";
        yield return $"export CREWPASS_WIDGET_KEY={c.WidgetKey}";
        yield return $"export CREWPASS_REVOKED_KEY={c.RevokedKey}";
        yield return $"export CREWPASS_RESTRICTED_KEY={c.RestrictedKey}";
        yield return $"export CREWPASS_OTHER_PARTNER_KEY={c.OtherPartnerKey}";
        yield return $"export CREWPASS_RATE_LIMIT_KEY={c.RateLimitKey}";
        yield return $"export CREWPASS_SIGNING_SECRET={c.SigningSecret}";
        yield return $"export CREWPASS_OTHER_SIGNING_SECRET={c.OtherSigningSecret}";
    }

    /// <summary>
    /// What a partner's client is given in client-certification mode (CONTRACT.md, section CLIENT): the test key and
    /// the signing secret.
    /// </summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment(string caCertificatePath) => new Dictionary<string, string>
    {
        ["CREWPASS_BASE_URL"] = BaseUrl,
        ["CREWPASS_API_KEY"] = Credentials.TestKey,
        ["CREWPASS_SIGNING_SECRET"] = Credentials.SigningSecret,
        ["CREWPASS_CA_CERTIFICATE"] = caCertificatePath,
        ["SSL_CERT_FILE"] = caCertificatePath,
        ["REQUESTS_CA_BUNDLE"] = caCertificatePath,
        ["CURL_CA_BUNDLE"] = caCertificatePath,
        ["NODE_EXTRA_CA_CERTS"] = caCertificatePath,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
