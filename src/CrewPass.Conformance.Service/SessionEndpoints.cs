using CrewPass.Conformance.Certification;
using CrewPass.Conformance.Reporting;
using CrewPass.Reference;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CrewPass.Conformance.Service;

/// <summary>
/// The partner's way: an invitation starts a session (its id in the URL is the partner's capability), the session
/// page gives each scenario's environment and shows the requests as they arrive, and Judge runs the engine's CLIENT
/// checks on what the sandbox recorded.
/// </summary>
public static class SessionEndpoints
{
    public static void Map(WebApplication app, CertificationStore store, HostedSandbox sandbox, Issuer issuer)
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
            await sandbox.OpenAsync(store.Session(session)!);
            return Results.Redirect($"/sessions/{session}");
        });
        // Every page and file of a session answers its own partner only; to anyone else the session does not exist.
        var sessions = app.MapGroup("/sessions/{id}").AddEndpointFilter(async (context, next) =>
            store.Session((string)context.HttpContext.Request.RouteValues["id"]!) is { } session
            && PartnerCookie.Of(context.HttpContext) == session.Partner
                ? await next(context)
                : Results.NotFound());
        sessions.MapGet("", (string id, HttpContext http, IAntiforgery forms) => CertificationService.Page("session",
            WithForm(http, forms, SessionPage.Model(store, sandbox, store.Session(id)!, issuer.Url))));
        MapScenarioFiles(sessions, sandbox);
        sessions.MapGet("/events", (string id, HttpContext http) => LiveRequests.StreamAsync(http, id, store, sandbox));
        sessions.MapPost("/judge", async (string id, [FromForm] string? _) =>
            store.Session(id) is { Judged: false } session && store.StartJudging(id)
                ? await JudgeAsync(session, store, sandbox, issuer)
                : Results.NotFound());
        MapJudgedFiles(sessions, store, issuer.Pictures);
    }

    private static void MapScenarioFiles(RouteGroupBuilder sessions, HostedSandbox sandbox)
    {
        sessions.MapGet("/{scenario}/client.env", (string id, string scenario) =>
            KeyOf(sandbox, id, scenario) is { } key
            ? Results.Text(string.Concat(sandbox.Environment(key, "ca.pem").Select(e => $"{e.Name}={e.Value}\n")),
                "text/plain")
            : Results.NotFound());
        sessions.MapGet("/{scenario}/ca.pem", (string id, string scenario) => KeyOf(sandbox, id, scenario) is not null
            ? Results.Text(sandbox.Certificates.AuthorityPem, "application/x-pem-file")
            : Results.NotFound());
    }

    private static void MapJudgedFiles(RouteGroupBuilder sessions, CertificationStore store,
        CertificatePictures pictures)
    {
        sessions.MapGet("/report", (string id) => store.File(id, ReportWriter.HtmlFile) is { } html
            ? Results.File(html, "text/html; charset=utf-8")
            : Results.NotFound());
        sessions.MapGet("/report.json", (string id) => store.File(id, ReportWriter.JsonFile) is { } json
            ? Results.File(json, "application/json", ReportWriter.JsonFile)
            : Results.NotFound());
        sessions.MapGet("/certificate.pdf", async (string id) => await pictures.GetAsync(store.Session(id)!) is { } pdf
            ? Results.File(pdf, "application/pdf")
            : Results.NotFound());
        sessions.MapGet("/certificate.json", (string id) =>
            store.Session(id) is { CertificateId: { } certificate } && store.Find(certificate) is { } found
                ? Results.Text(found.Signed, "application/json")
                : Results.NotFound());
    }

    private static ScenarioKey? KeyOf(HostedSandbox sandbox, string session, string scenario) =>
        ClientScenarios.TryParse(scenario, out var played)
            ? sandbox.Store.KeysOf(session).SingleOrDefault(k => k.Scenario == played)
            : null;

    /// <summary>
    /// Stops the sandbox for the session, judges what the database recorded (written out as the local sandbox writes
    /// it), keeps the report with the session and, when clean, issues and registers the certificate.
    /// </summary>
    private static async Task<IResult> JudgeAsync(HostedSession session, CertificationStore store,
        HostedSandbox sandbox, Issuer issuer)
    {
        var took = System.Diagnostics.Stopwatch.StartNew();
        await sandbox.StopAsync(session.Id);
        var folder = Scratch(session.Id);
        try
        {
            var judgement = await sandbox.JudgeAsync(session, folder);
            var (json, html, sha256) = ReportWriter.Write(judgement.Report, folder);
            store.SaveFile(session.Id, ReportWriter.JsonFile, await File.ReadAllBytesAsync(json));
            store.SaveFile(session.Id, ReportWriter.HtmlFile, await File.ReadAllBytesAsync(html));
            var certificate = judgement.CertificateBlockers.Count == 0
                ? issuer.Issue(judgement, session, sha256)
                : null;
            store.Judged(session.Id, judgement.Report.Gate.ExitCode, certificate, judgement.Report.Targets
                .SelectMany(t => t.Clauses).Select(c => new JudgedClause(c.Id, c.Level, c.Status)).ToArray(),
                judgement.NotJudged, took.Elapsed);
            return Results.Redirect($"/sessions/{session.Id}");
        }
        catch
        {
            // Nothing was issued: the session goes back to waiting, its sandbox open again.
            store.StopJudging(session.Id);
            await sandbox.OpenAsync(session);
            throw;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Scratch(string session) =>
        Directory.CreateTempSubdirectory($"crewpass-judge-{session}-").FullName;

    /// <summary>The page's model with the anti-forgery token its forms post back.</summary>
    public static Dictionary<string, object?> WithForm(HttpContext http, IAntiforgery forms, object model)
    {
        var tokens = forms.GetAndStoreTokens(http);
        var values = model.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(model));
        values["formField"] = tokens.FormFieldName;
        values["requestToken"] = tokens.RequestToken;
        return values;
    }
}
