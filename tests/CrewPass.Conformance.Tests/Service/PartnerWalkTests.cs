using System.Text.RegularExpressions;
using CrewPass.Conformance.Browser;
using CrewPass.Conformance.Certification;
using CrewPass.Conformance.Service;
using FluentAssertions;
using Microsoft.Playwright;
using NUnit.Framework;
using static Microsoft.Playwright.Assertions;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// The partner's way in real Chromium: the invitation link staff printed, the session page, the Python sample started
/// from the client.env that page served to this browser, the live requests, Judge, and the certificate `verify`
/// accepts.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class PartnerWalkTests
{
    [Test]
    public async Task A_partner_walks_from_the_invitation_link_to_a_certificate_that_verify_accepts()
    {
        var (app, options, folder) = await ServiceAsync("walk");
        await using var _ = app;
        var issuer = CertificationService.PublicUrl(app, options).ToString();
        await using var chromium = await Chromium.LaunchAsync(ChromiumOrIgnore());
        var context = await chromium.Browser.NewContextAsync(
            new() { ViewportSize = new() { Width = 1100, Height = 1000 } });
        try
        {
            var page = await StartAsync(context, await InviteAsync(options, issuer), "acme-dispatcher");
            await RunEveryScenarioAsync(context, page, folder, fault: null);
            await Expect(page.Locator("#state-name")).ToHaveTextAsync("traffic seen");
            // The export lines say what client.env says.
            var plain = await EnvironmentAsync(context, page, "plain", Path.Combine(folder, "exports"));
            await Expect(page.Locator("tr[data-scenario='plain'] pre"))
                .ToContainTextAsync($"export CREWPASS_API_KEY={plain["CREWPASS_API_KEY"]}");
            // README's picture of the partner's way (docs/images/service-session.png is one of these).
            var screenshot = Scratch.NewFile("service-session.png");
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            TestContext.Out.WriteLine($"the session page: {screenshot}");
            await page.ClickAsync("#judge button");
            await Expect(page.Locator("#verdict .passed")).ToHaveTextAsync("passed");
            // The client's exit status is its own machine's: named as not judged, never passed silently.
            await Expect(page.Locator("#not-judged")).ToBeVisibleAsync();
            var certificate = Path.Combine(folder, SignedCertificate.FileName);
            await File.WriteAllTextAsync(certificate, await (await context.APIRequest.GetAsync(
                await page.Locator("#certificate a").First.GetAttributeAsync("href") is { } href
                    ? new Uri(new Uri(page.Url), href).ToString() : "")).TextAsync());
            var verified = await Tool.RunAsync("verify", certificate, "--issuer", issuer);
            verified.Code.Should().Be(0, verified.Output);
            var edited = await OneByteEditedAsync(certificate);
            var refused = await Tool.RunAsync("verify", edited, "--issuer", issuer);
            refused.Code.Should().Be(1, refused.Output);
            refused.Output.Should().StartWith("not valid: ").And.Contain("signature");

            var faulty = await StartAsync(context, await InviteAsync(options, issuer),
                "acme-dispatcher, Retry-After ignored");
            // One account across invitations: the second session's page links the first.
            await Expect(faulty.Locator($"a[href='{new Uri(page.Url).AbsolutePath}']"))
                .ToHaveTextAsync("acme-dispatcher");
            await RunEveryScenarioAsync(context, faulty, folder, fault: "retry-after-ignored");
            await faulty.ClickAsync("#judge button");
            await Expect(faulty.Locator("#verdict .failed")).ToHaveTextAsync("failed");
            await Expect(faulty.Locator("#unsettled tr[data-clause='CLIENT-05'] td").Last).ToHaveTextAsync("failed");
            await Expect(faulty.Locator("#certificate")).ToHaveCountAsync(0);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// A client named as markup, and a request whose target, header and body carry markup: the session page (its live
    /// view included), the report and the registry show them as text, and no script of theirs runs.
    /// </summary>
    [Test]
    public async Task Markup_in_a_client_name_and_in_recorded_requests_stays_inert_in_Chromium()
    {
        const string client = "<img src=x onerror=\"window.pwned=1\">";
        var (app, options, folder) = await ServiceAsync("markup");
        await using var _ = app;
        var issuer = CertificationService.PublicUrl(app, options).ToString();
        await using var chromium = await Chromium.LaunchAsync(ChromiumOrIgnore());
        var context = await chromium.Browser.NewContextAsync();
        try
        {
            var page = await StartAsync(context, await InviteAsync(options, issuer), client);
            await Expect(page.Locator("h1")).ToContainTextAsync(client);
            var environment = await EnvironmentAsync(context, page, "plain", Path.Combine(folder, "plain"));
            await SendMarkupAsync(environment, Path.Combine(folder, "plain", "ca.pem"));
            await Expect(page.Locator("#live tr")).ToHaveCountAsync(1);
            await Expect(page.Locator("#live tr td").Nth(2)).ToContainTextAsync("<svg");
            await page.ClickAsync("#judge button");
            await Expect(page.Locator("#verdict")).ToBeVisibleAsync();
            foreach (var path in new[] { page.Url, page.Url + "/report", issuer + "certificates" })
            {
                await page.GotoAsync(path);
                (await page.EvaluateAsync<bool>("() => window.pwned === undefined")).Should().BeTrue(path);
                (await page.Locator("svg[onload], img[onerror]").CountAsync()).Should().Be(0, path);
            }
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>A copy of the certificate with one character of its signature changed for another.</summary>
    private static async Task<string> OneByteEditedAsync(string certificate)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(certificate))!;
        var signature = json["signature"]!.GetValue<string>();
        json["signature"] = signature[..10] + (signature[10] == 'A' ? 'B' : 'A') + signature[11..];
        var edited = Path.ChangeExtension(certificate, ".edited.json");
        await File.WriteAllTextAsync(edited, json.ToJsonString());
        return edited;
    }

    private static async Task<(Microsoft.AspNetCore.Builder.WebApplication App, ServiceOptions Options, string Folder)>
        ServiceAsync(string name)
    {
        var folder = Scratch.NewFolder(name);
        var options = new ServiceOptions(Path.Combine(folder, "data"));
        return (await CertificationService.StartAsync(options), options, folder);
    }

    private static string ChromiumOrIgnore()
    {
        var chromium = Chromium.Find(null);
        if (chromium is null) Assert.Ignore($"needs Chromium: {Chromium.InstallHint}");
        return chromium!;
    }

    /// <summary>The link `serve invite` prints, as staff send it.</summary>
    private static async Task<string> InviteAsync(ServiceOptions options, string issuer)
    {
        var invited = await Tool.RunAsync("serve", "invite", "--partner", "Acme Shipping", "--data", options.Data,
            "--public-url", issuer);
        invited.Code.Should().Be(0, invited.Output);
        return invited.Output.Trim();
    }

    private static async Task<IPage> StartAsync(IBrowserContext context, string invitation, string client)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(invitation);
        await page.FillAsync("input[name=client]", client);
        await page.ClickAsync("#start button");
        await page.WaitForURLAsync(new Regex("/sessions/ses_[^/]+$"));
        return page;
    }

    /// <summary>
    /// The sample once per scenario the page lists, each started from the client.env the page served.
    /// </summary>
    private static async Task RunEveryScenarioAsync(IBrowserContext context, IPage page, string folder, string? fault)
    {
        var scenarios = await page.Locator("tr[data-scenario]")
            .EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.scenario)");
        scenarios.Should().HaveCount(7);
        await Task.WhenAll(scenarios.Select(async scenario =>
        {
            var into = Path.Combine(folder, fault ?? "faithful", scenario);
            var environment = await EnvironmentAsync(context, page, scenario, into);
            if (fault is not null) environment["CREWPASS_CLIENT_FAULT"] = fault;
            await PythonSample.RunAsync(into, environment);
        }));
        await Expect(page.Locator("#live tr").First).ToBeVisibleAsync();
    }

    /// <summary>
    /// The scenario's client.env and ca.pem as the page links them, fetched with the browser's cookies.
    /// </summary>
    private static async Task<Dictionary<string, string>> EnvironmentAsync(IBrowserContext context, IPage page,
        string scenario, string folder)
    {
        Directory.CreateDirectory(folder);
        var row = page.Locator($"tr[data-scenario='{scenario}']");
        async Task<string> Fetch(string link)
        {
            var href = await row.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })
                .GetAttributeAsync("href");
            return await (await context.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).ToString())).TextAsync();
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "ca.pem"), await Fetch("ca.pem"));
        return PythonSample.Environment(await Fetch("client.env"));
    }

    /// <summary>A read whose target, a header and the body carry markup, over TLS as the scenario's client.</summary>
    private static async Task SendMarkupAsync(Dictionary<string, string> environment, string ca)
    {
        var trust = Conformance.Http.CertificateTrust.From(ca);
        using var http = new HttpClient(
            new HttpClientHandler { ServerCertificateCustomValidationCallback = trust.Validate });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(environment["CREWPASS_BASE_URL"] +
            "/api/v2/partners/me?note=<svg/onload=window.pwned=2>",
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }))
        {
            Content = new StringContent("<script>window.pwned=3</script>"),
        };
        request.Headers.Authorization = new("Bearer", environment["CREWPASS_API_KEY"]);
        request.Headers.TryAddWithoutValidation("X-Note", "<script>window.pwned=4</script>");
        await http.SendAsync(request);
    }
}
