using CrewPass.Conformance.Certification;
using CrewPass.Conformance.Reporting;
using CrewPass.Reference;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CrewPass.Conformance.Service;

/// <summary>
/// The partner's way: an invitation starts a session (its id in the URL is the partner's capability), the session
/// page gives each scenario's environment, and Judge runs the engine's CLIENT checks on what the sandbox recorded.
/// </summary>
public static class SessionEndpoints
{
    public static void Map(WebApplication app, CertificationStore store, Sandboxes sandboxes, IssuerKey key,
        Func<Uri> issuer)
    {
        app.MapGet("/invitations/{token}", (string token, HttpContext http, IAntiforgery forms) =>
            CertificationService.Page("invitation", WithForm(http, forms, new { partner = store.Invited(token) })));
        app.MapPost("/invitations/{token}", async (string token, [FromForm] string client, HttpContext http) =>
        {
            if (string.IsNullOrWhiteSpace(client)
                || client.Length > 120) return Results.BadRequest("name the client: 1 to 120 characters");
            if (store.Redeem(token) is not { } partner) return Results.NotFound("this invitation is not valid");
            PartnerCookie.Set(http, partner);
            var session = store.OpenSession(partner, client.Trim());
            await sandboxes.StartAsync(session);
            return Results.Redirect($"/sessions/{session}");
        });
        // Every page and file of a session answers its own partner only; to anyone else the session does not exist.
        var sessions = app.MapGroup("/sessions/{id}").AddEndpointFilter(async (context, next) =>
            store.Session((string)context.HttpContext.Request.RouteValues["id"]!) is { } session
            && PartnerCookie.Of(context.HttpContext) == session.Partner
                ? await next(context)
                : Results.NotFound());
        sessions.MapGet("", (string id, HttpContext http, IAntiforgery forms) =>
            CertificationService.Page("session", WithForm(http, forms, Model(store.Session(id)!, sandboxes,
                issuer()))));
        sessions.MapGet("/{scenario}/client.env", (string id, string scenario) => Scenario(sandboxes, id,
            scenario) is { } host
            ? Results.Text(string.Concat(host.ClientEnvironment("ca.pem").Select(e => $"{e.Key}={e.Value}\n")),
                "text/plain")
            : Results.NotFound());
        sessions.MapGet("/{scenario}/ca.pem", (string id, string scenario) => Scenario(sandboxes, id,
            scenario) is { } host
            ? Results.Text(host.CaCertificatePem, "application/x-pem-file")
            : Results.NotFound());
        sessions.MapPost("/judge", async (string id, [FromForm] string? _) =>
            store.Session(id) is { Judged: false } session ? await JudgeAsync(session, store, sandboxes, key,
                issuer()) : Results.NotFound());
        sessions.MapGet("/report", (string id) => store.Session(id) is { Judged: true }
            ? Results.File(Path.Combine(sandboxes.RecordingOf(id), "..", ReportWriter.HtmlFile), "text/html")
            : Results.NotFound());
        sessions.MapGet("/certificate.pdf", (string id) => File.Exists(Path.Combine(sandboxes.RecordingOf(id), "..",
            Certificate.ClientFileName))
            ? Results.File(Path.GetFullPath(Path.Combine(sandboxes.RecordingOf(id), "..",
                Certificate.ClientFileName)), "application/pdf")
            : Results.NotFound());
        sessions.MapGet("/certificate.json", (string id) =>
            store.Session(id) is { CertificateId: { } certificate } && store.Find(certificate) is { } found
                ? Results.Text(found.Signed, "application/json")
                : Results.NotFound());
    }

    private static async Task<IResult> JudgeAsync(HostedSession session, CertificationStore store,
        Sandboxes sandboxes, IssuerKey key, Uri issuer)
    {
        await sandboxes.StopAsync(session.Id);
        var recording = sandboxes.RecordingOf(session.Id);
        var judgement = await Judge.ClientRecordingAsync(recording, new JudgeOptions(ClientName: session.Client));
        var (_, _, sha256) = ReportWriter.Write(judgement.Report, Path.GetDirectoryName(recording)!);
        string? certificate = null;
        if (judgement.CertificateBlockers.Count == 0)
        {
            var claims = judgement.ClaimsFor("cert_" + Guid.NewGuid().ToString("N"), issuer.ToString(),
                session.Partner, session.Client, sha256,
                DateTimeOffset.UtcNow);
            store.Register(claims, SignedCertificate.Issue(claims, key));
            certificate = claims.Id;
            await PrintAsync(judgement.Report, sha256, Path.GetDirectoryName(recording)!, claims, issuer);
        }
        store.Judged(session.Id, judgement.Report.Gate.ExitCode, certificate);
        return Results.Redirect($"/sessions/{session.Id}");
    }

    /// <summary>
    /// The certificate's PDF, naming its id, its issuer and how to verify it; none without Chromium (the signed
    /// certificate.json is the certificate, the PDF its picture).
    /// </summary>
    private static async Task PrintAsync(ConformanceReport report, string sha256, string folder,
        CertificateClaims claims, Uri issuer)
    {
        if (Conformance.Browser.Chromium.Find(null) is not { } chromium) return;
        var issued = $"Issued by CrewPass ({issuer}) as certificate {claims.Id}; verify it: " +
                     $"crewpass-conformance verify certificate.json --issuer {issuer}";
        try
        {
            await Certificate.WriteClientAsync(report, sha256, chromium, Path.Combine(folder,
                Certificate.ClientFileName), issued);
        }
        catch (Microsoft.Playwright.PlaywrightException)
        {
            // No Playwright driver beside this host (the tool's package carries it for its suites only): no picture.
        }
    }

    private static ReferenceHost? Scenario(Sandboxes sandboxes, string id, string scenario) =>
        sandboxes.Running(id)?.Scenarios.FirstOrDefault(s => s.Scenario.Name() == scenario).Host;

    private static object Model(HostedSession session, Sandboxes sandboxes, Uri issuer)
    {
        var running = sandboxes.Running(session.Id);
        return new
        {
            partner = session.Partner,
            client = session.Client,
            state = session.Judged ? "judged" : TrafficSeen(sandboxes.RecordingOf(session.Id)) ? "traffic seen"
                : "waiting",
            running = running is not null && !session.Judged,
            scenarios = running?.Scenarios.Select(s => new
            {
                name = s.Scenario.Name(),
                baseUrl = s.Host.BaseUrl,
                env = $"/sessions/{session.Id}/{s.Scenario.Name()}/client.env",
                ca = $"/sessions/{session.Id}/{s.Scenario.Name()}/ca.pem",
            }),
            judge = $"/sessions/{session.Id}/judge",
            judged = session.Judged,
            verdict = session.ExitCode == GateExitCodes.Conformant ? "passed" : "failed",
            report = $"/sessions/{session.Id}/report",
            certificate = session.CertificateId is null ? null : $"/sessions/{session.Id}/certificate.json",
            certificateId = session.CertificateId,
            pdf = $"/sessions/{session.Id}/certificate.pdf",
            issuer = issuer.ToString(),
        };
    }

    /// <summary>Whether any scenario's recording holds a request yet.</summary>
    private static bool TrafficSeen(string recording) =>
        Directory.Exists(recording) && Directory.EnumerateFiles(recording, "recording.json",
            SearchOption.AllDirectories)
            .Any(f => new FileInfo(f).Length > 0 && File.ReadAllText(f).Contains("\"arrivedAt\"",
                StringComparison.Ordinal));

    /// <summary>The page's model with the anti-forgery token its forms post back.</summary>
    private static Dictionary<string, object?> WithForm(HttpContext http, IAntiforgery forms, object model)
    {
        var tokens = forms.GetAndStoreTokens(http);
        var values = model.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(model));
        values["formField"] = tokens.FormFieldName;
        values["requestToken"] = tokens.RequestToken;
        return values;
    }
}
