using System.Net;
using System.Net.Sockets;
using System.Text;
using CrewPass.Conformance.Browser;
using Microsoft.Playwright;
using CrewPass.Conformance.Http;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>
/// One Chromium and one page server for the whole run. The page sits on its own loopback origin, so every call it
/// makes to a target is cross-origin, as a partner's web page would be. Chromium trusts exactly the targets'
/// certificates (their key pins), never every certificate, and resolves no host but loopback and the targets.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public static readonly string[] KeyHeaders = [HeaderNames.Authorization, HeaderNames.PartnerApiKey];

    private const string Fetch = """
        async probes => Promise.all(probes.map(async ({ url, header, value }) => {
          try {
            // Control: an opaque request without the key must get through, or a block proves nothing (TLS, DNS).
            await fetch(url, { mode: 'no-cors' });
          } catch (e) {
            return 'unreachable: ' + e.name + ': ' + e.message;
          }
          try {
            const response = await fetch(url, { headers: { [header]: value } });
            return 'answered ' + response.status;
          } catch (e) {
            return 'blocked: ' + e.name + ': ' + e.message;
          }
        }))
        """;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static BrowserSession? _current;
    private readonly Lazy<Task<Dictionary<(string, string, string), string>>> _calls;

    private readonly LaunchedChromium _chromium;
    private readonly HttpListener _pages;

    private BrowserSession(LaunchedChromium chromium, HttpListener pages, Uri origin)
    {
        _chromium = chromium;
        _pages = pages;
        Origin = origin;
        _calls = new Lazy<Task<Dictionary<(string, string, string), string>>>(() => CallEveryTargetAsync(Run.Current.Targets));
    }

    /// <summary>What the page got when it called the endpoint of the target with the key in the header: "blocked: …", "answered N" or "unreachable: …".</summary>
    public async Task<string> CallAsync(TargetUnderTest target, string path, string header) => (await _calls.Value)[(target.Name, path, header)];

    /// <summary>One page calls every target's every endpoint with each key header, all at once: one page load for the whole run.</summary>
    private async Task<Dictionary<(string, string, string), string>> CallEveryTargetAsync(IReadOnlyList<TargetUnderTest> targets)
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Origin.ToString());
        var probes = (from t in targets from e in Cases.Endpoints from header in KeyHeaders select (Target: t, e.Path, Header: header)).ToArray();
        var outcomes = await page.EvaluateAsync<string[]>(Fetch, probes.Select(p => new
        {
            url = new Uri(p.Target.Client.BaseUrl, p.Path).ToString(),
            header = p.Header,
            value = (p.Header == HeaderNames.Authorization ? "Bearer " : "") + p.Target.Settings.TestKey,
        }).ToArray());
        return probes.Zip(outcomes).ToDictionary(p => (p.First.Target.Name, p.First.Path, p.First.Header), p => p.Second);
    }

    public IBrowser Browser => _chromium.Browser;

    /// <summary>Where the harness serves its page: http://127.0.0.1:port, an origin of its own.</summary>
    public Uri Origin { get; }

    public static async Task<BrowserSession> StartAsync(string chromium, IReadOnlyList<TargetUnderTest> targets)
    {
        await Gate.WaitAsync();
        try
        {
            if (_current is not null) return _current;
            var pins = targets.Select(t => t.Client.Trust.ServerKeyPin).OfType<string>().Distinct().ToArray();
            var hosts = targets.Select(t => t.Client.BaseUrl.Host).Where(h => h is not ("127.0.0.1" or "localhost")).Distinct();
            var arguments = new List<string>();
            if (pins.Length > 0) arguments.Add("--ignore-certificate-errors-spki-list=" + string.Join(",", pins));
            var pages = ServePage();
            var starting = System.Diagnostics.Stopwatch.StartNew();
            var launched = await Chromium.LaunchAsync(chromium, ResolverRules(hosts), [.. arguments]);
            // A fixed cost of the run, listed apart; a run whose filter leaves no WEB-01 check never says it.
            RunLifecycle.Say($"Chromium for WEB-01 started in {starting.Elapsed.TotalSeconds:0.00} s ({chromium})");
            _current = new BrowserSession(launched, pages, new Uri(pages.Prefixes.Single()));
            return _current;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task StopAsync()
    {
        if (_current is { } session) await session.DisposeAsync();
        _current = null;
    }

    /// <summary>No host resolves but loopback and the targets under test: the browser reaches nothing else.</summary>
    private static string ResolverRules(IEnumerable<string> targetHosts) =>
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1" + string.Concat(targetHosts.Select(h => ", EXCLUDE " + h));

    private static HttpListener ServePage()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var page = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>a partner's web page</title></head><body>cross-origin probe</body></html>");
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(page);
                context.Response.Close();
            }
        });
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        _pages.Close();
    }
}
