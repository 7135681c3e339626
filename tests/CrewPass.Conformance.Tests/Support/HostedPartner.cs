using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// A partner on the certification service without a browser: its cookies, its session, and the Python sample run per
/// scenario from the client.env and ca.pem the session's page serves.
/// </summary>
/// <param name="cookies">The browser's cookies: shared by two instances behind one load balancer.</param>
public sealed class HostedPartner(Uri service, CookieContainer? cookies = null) : IDisposable
{
    public HttpClient Http { get; } = new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer() })
    {
        BaseAddress = service,
    };

    /// <summary>The session's path, once the invitation started one.</summary>
    public string Session { get; set; } = "";

    /// <summary>The session's id, the last part of its path.</summary>
    public string SessionId => Session.Split('/').Last();

    public static string[] Scenarios(string page) =>
        Regex.Matches(page, "data-scenario=\"([a-z-]+)\"").Select(m => m.Groups[1].Value).ToArray();

    /// <summary>Redeems the invitation for the client: the session page.</summary>
    public async Task<string> StartAsync(string token, string client)
    {
        var started = await PostFormAsync($"/invitations/{token}", ("client", client));
        Session = started.RequestMessage!.RequestUri!.AbsolutePath;
        return await started.Content.ReadAsStringAsync();
    }

    public async Task<string> JudgeAsync() =>
        await (await PostFormAsync($"{Session}/judge")).Content.ReadAsStringAsync();

    /// <summary>Gets the page's form, then posts it with its anti-forgery token and these fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields)
    {
        var page = await Http.GetStringAsync(path.EndsWith("/judge") ? path[..^"/judge".Length] : path);
        var token = Regex.Match(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");
        token.Success.Should().BeTrue("the form carries an anti-forgery token");
        var form = new FormUrlEncodedContent([new(token.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[2].Value)),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        var answer = await Http.PostAsync(path, form);
        answer.EnsureSuccessStatusCode();
        return answer;
    }

    /// <summary>
    /// An HTTP client for the sandbox that trusts what the session's ca.pem names, as a partner's client does.
    /// </summary>
    public async Task<HttpClient> SandboxClientAsync(string folder)
    {
        await EnvironmentAsync("plain", folder);
        var trust = Conformance.Http.CertificateTrust.From(Path.Combine(folder, "ca.pem"));
        return new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = trust.Validate });
    }

    /// <summary>The scenario's environment as the page serves it.</summary>
    public async Task<Dictionary<string, string>> EnvironmentAsync(string scenario, string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "ca.pem"),
            await Http.GetStringAsync($"{Session}/{scenario}/ca.pem"));
        return PythonSample.Environment(await Http.GetStringAsync($"{Session}/{scenario}/client.env"));
    }

    /// <summary>The Python sample run once, in a folder holding the scenario's client.env and ca.pem.</summary>
    public async Task<string> RunSampleAsync(string scenario, string folder, Func<Dictionary<string, string>,
        Dictionary<string, string>>? change = null)
    {
        var environment = await EnvironmentAsync(scenario, folder);
        return (await PythonSample.RunAsync(folder, change is null ? environment : change(environment))).Output;
    }

    public void Dispose() => Http.Dispose();
}
