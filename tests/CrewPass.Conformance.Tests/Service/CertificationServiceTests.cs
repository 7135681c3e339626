using System.Net;
using System.Text.RegularExpressions;
using CrewPass.Conformance.Certification;
using CrewPass.Conformance.Service;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// The certification service's registry and keys, as a verifier and the partner team use them: `verify --issuer` asks
/// the running service, `serve revoke` turns its answer, and every page keeps a partner's text as text.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class CertificationServiceTests
{
    /// <summary>A service on loopback with its own data folder, and a certificate it issued to that client.</summary>
    private static async Task<(Microsoft.AspNetCore.Builder.WebApplication App, ServiceOptions Options,
        CertificateClaims Claims, string Folder)>
        ServiceWithCertificateAsync(string client)
    {
        var folder = Scratch.NewFolder("service");
        var options = new ServiceOptions(Path.Combine(folder, "data"));
        var app = await CertificationService.StartAsync(options);
        var issuer = CertificationService.PublicUrl(app, options).ToString();
        var report = Path.Combine(folder, "conformance-report.json");
        await File.WriteAllTextAsync(report, "{}");
        var now = DateTimeOffset.UtcNow;
        var claims = new CertificateClaims("cert_" + Guid.NewGuid().ToString("N")[..12], issuer, "Acme Shipping",
            client, ["plain"], ["CLIENT-01"],
            "1.0.0", now, now + CertificateClaims.Validity, SignedCertificate.Sha256Of(report), []);
        var signed = SignedCertificate.Issue(claims, CertificationService.KeyOf(options));
        CertificationStore.InFolder(options.Data).Register(claims, signed);
        await File.WriteAllTextAsync(Path.Combine(folder, SignedCertificate.FileName), signed);
        return (app, options, claims, folder);
    }

    [Test]
    public async Task Verify_asks_the_running_service_and_a_revoked_certificate_is_refused()
    {
        var (app, options, claims, folder) = await ServiceWithCertificateAsync("acme-dispatcher");
        await using var _ = app;
        var issuer = CertificationService.PublicUrl(app, options).ToString();
        var certificate = Path.Combine(folder, SignedCertificate.FileName);
        var report = Path.Combine(folder, "conformance-report.json");

        var valid = await Tool.RunAsync("verify", certificate, "--report", report, "--issuer", issuer);
        valid.Code.Should().Be(0, valid.Output);
        valid.Output.Should().Contain("not revoked");

        var revoke = await Tool.RunAsync("serve", "revoke", claims.Id, "--why", "key leaked in a public repository",
            "--data", options.Data);
        revoke.Code.Should().Be(0, revoke.Output);
        var revoked = await Tool.RunAsync("verify", certificate, "--issuer", issuer);
        revoked.Code.Should().Be(1, revoked.Output);
        revoked.Output.Should().StartWith("not valid: revoked by");

        using var http = new HttpClient { BaseAddress = new Uri(issuer) };
        (await http.GetStringAsync($"api/certificates/{claims.Id}")).Should().Contain("\"status\":\"revoked\"");
        (await http.GetStringAsync("certificates")).Should().Contain("revoked: key leaked in a public repository");
        (await Tool.RunAsync("serve", "revoke", claims.Id, "--why", "again", "--data",
            options.Data)).Code.Should().Be(1, "it is revoked already");
    }

    [Test]
    public async Task A_client_named_as_markup_stays_text_in_the_registry()
    {
        var (app, options, _, _) = await ServiceWithCertificateAsync("<script>alert(1)</script>");
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = CertificationService.PublicUrl(app, options) };
        var page = await http.GetStringAsync("certificates");
        page.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.NotContain("<script>alert");
        (await http.GetAsync("api/certificates/cert_unknown")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task An_invitation_link_names_its_partner_and_its_token_is_stored_hashed()
    {
        var folder = Scratch.NewFolder("invite");
        var data = Path.Combine(folder, "data");
        var invited = await Tool.RunAsync("serve", "invite", "--partner", "Acme <Shipping>", "--data", data,
            "--public-url", "https://certify.example/");
        invited.Code.Should().Be(0, invited.Output);
        var link = new Uri(invited.Output.Trim());
        link.GetLeftPart(UriPartial.Authority).Should().Be("https://certify.example");
        var token = link.Segments.Last();
        // The database and its write-ahead log, byte for byte: the token is nowhere, only its hash.
        Directory.GetFiles(data, "certification.db*")
            .Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f)))
            .Should().NotBeEmpty().And.OnlyContain(bytes => !bytes.Contains(token, StringComparison.Ordinal));

        await using var app = await CertificationService.StartAsync(new ServiceOptions(data));
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        (await http.GetStringAsync($"invitations/{token}"))
            .Should().Contain("Client certification for Acme &lt;Shipping&gt;");
        (await http.GetStringAsync("invitations/not-a-token")).Should().Contain("This invitation is not valid");
    }

    /// <summary>
    /// A session's routes answer its own partner only, and its forms only with their anti-forgery token: the session
    /// page, client.env and Judge over HTTP, then another partner's browser on every route (the walk in Chromium,
    /// PartnerWalkTests, certifies a client end to end).
    /// </summary>
    [Test]
    public async Task A_session_answers_its_own_partner_only_and_its_forms_only_with_their_token()
    {
        var folder = Scratch.NewFolder("hosted");
        var options = new ServiceOptions(Path.Combine(folder, "data"));
        await using var app = await CertificationService.StartAsync(options);
        using var partner = new HostedPartner(new Uri(app.Urls.First()));
        var page = await partner.StartAsync(CertificationStore.InFolder(options.Data).Invite("Acme Shipping"), "mine");
        partner.Session.Should().StartWith("/sessions/ses_");
        HostedPartner.Scenarios(page).Should().HaveCount(7);
        (await partner.EnvironmentAsync("plain", folder)).Should().ContainKeys("CREWPASS_API_KEY",
            "CREWPASS_SIGNING_SECRET", "CREWPASS_BASE_URL");
        // A form posted without its anti-forgery token (another site posting on the partner's behalf) is refused.
        (await partner.Http.PostAsync($"{partner.Session}/judge",
            new FormUrlEncodedContent([]))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await partner.Http.GetAsync("/sessions/ses_not-yours")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await partner.JudgeAsync()).Should().Contain(">judged</b>", "the session's own partner judges it");
        foreach (var path in new[] { "", "/plain/client.env", "/plain/ca.pem", "/report", "/report.json" })
            (await partner.Http.GetAsync(partner.Session + path)).StatusCode.Should().Be(HttpStatusCode.OK, path);
        await AnotherPartnerSeesNothingAsync(app, options, partner.Session);
    }

    /// <summary>
    /// Another partner, with a session of its own, tries every page and file of this one: to it, none exists.
    /// </summary>
    private static async Task AnotherPartnerSeesNothingAsync(Microsoft.AspNetCore.Builder.WebApplication app,
        ServiceOptions options, string session)
    {
        using var other = new HostedPartner(new Uri(app.Urls.First()));
        var mine = await other.StartAsync(CertificationStore.InFolder(options.Data).Invite("Other Line"), "theirs");
        foreach (var path in new[] { "", "/plain/client.env", "/plain/ca.pem", "/report", "/report.json",
                     "/certificate.json", "/certificate.pdf", "/events" })
            (await other.Http.GetAsync(session + path)).StatusCode.Should().Be(HttpStatusCode.NotFound,
                $"{session + path} is not Other Line's");
        var form = Regex.Match(mine, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");
        var judgeTheirs = await other.Http.PostAsync($"{session}/judge", new FormUrlEncodedContent(
            [new(form.Groups[1].Value, WebUtility.HtmlDecode(form.Groups[2].Value))]));
        judgeTheirs.StatusCode.Should().Be(HttpStatusCode.NotFound, "a partner cannot judge another's session");
    }
}
