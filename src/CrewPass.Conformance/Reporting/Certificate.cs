using CrewPass.Conformance.Browser;
using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Evidence;
using Microsoft.Playwright;

namespace CrewPass.Conformance.Reporting;

/// <summary>conformance-certificate.pdf: one page a partner can hand over, bound to its JSON report by the report's SHA-256.</summary>
public static class Certificate
{
    public const string FileName = "conformance-certificate.pdf";

    public const string ClientFileName = "client-certificate.pdf";

    /// <summary>What a certificate says of who issued it when the partner ran the harness itself.</summary>
    public const string SelfRun = "Self-run: not issued by CrewPass.";

    /// <summary>The deployment certificate: for whoever runs a deployment, with all of its credentials.</summary>
    public static Task WriteAsync(ConformanceReport report, string reportSha256, string chromium, string path) =>
        PdfAsync(DeploymentPage(report, reportSha256), chromium, path);

    /// <summary>The client certificate as a PDF; <paramref name="issuer"/> says who issued it.</summary>
    public static Task WriteClientAsync(
        ConformanceReport report, string reportSha256, string chromium, string path, string issuer = SelfRun) =>
        PdfAsync(ClientPage(report, reportSha256, issuer), chromium, path);

    /// <summary>The deployment certificate's page.</summary>
    public static string DeploymentPage(ConformanceReport report, string reportSha256)
    {
        var target = report.Targets.Single(t => t.Kind == TargetKinds.Deployment);
        var passed = target.Clauses.Count(c => c.Status is Outcome.Passed);
        var clauses = passed == target.Clauses.Count
            ? $"all {passed} clauses passed"
            : $"{passed} of {target.Clauses.Count} clauses passed; the other {target.Clauses.Count - passed} do not apply to this deployment's profile";
        var targetName = target.BaseUrl.Contains(target.Name, StringComparison.Ordinal) ? target.BaseUrl
            : $"{target.BaseUrl} ({target.Name})";
        return Page("CrewPass conformance certificate", "Certificate of conformance", "CrewPass Partner API v1",
            SelfRun, report, target, reportSha256,
        [
            ("Target", targetName),
            ("Partner", target.PartnerId ?? ""),
            ("Keys", string.Join(", ", target.KeyModes.Select(k => $"{k.Key}: {k.Value} ({target.Credentials.GetValueOrDefault(k.Key)})"))),
            ("Clauses", clauses),
            ("Profile", target.ProfileSha256 is { } sha ? $"SHA-256 {sha}" : "none: the contract's defaults"),
            ("Settings changed from their defaults", target.ChangedSettings is { Count: > 0 } changed
                ? string.Join("; ", changed.Select(c => $"{c.Key} = {c.Value}")) : "none"),
        ]);
    }

    /// <summary>
    /// The client certificate: a partner's integration, judged by the sandbox. Another title, another file, another
    /// subject (the client, not a deployment), so neither is ever taken for the other.
    /// </summary>
    public static string ClientPage(ConformanceReport report, string reportSha256, string issuer)
    {
        var client = report.Targets.Single(t => t.Kind == TargetKinds.Client);
        var writes = client.Clauses.Where(c => ClauseCatalogue.Get(c.Id).JudgesWrites).All(c => c.Status == Outcome.NotApplicable)
            ? "reads only" : "reads and signed writes";
        var passed = client.Clauses.Count(c => c.Status is Outcome.Passed);
        var notJudged = client.Clauses.SelectMany(c => c.Checks).Select(k => k.NotJudged).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
        var judgedFrom = client.Profile.ContainsKey("ClientRecording")
            ? "a recording (ClientRecording): what reached the sandbox, not the client's exit status"
            : "runs of the client (ClientCommand): what reached the sandbox and how the client exited";
        return Page("CrewPass client certificate", "Client integration certificate",
            $"a partner's client of the CrewPass Partner API v1 — {writes}", issuer,
            report, client, reportSha256,
        [
            ("Client", client.PartnerId ?? client.Name),
            ("Certified for", writes),
            ("Judged by", "the CrewPass client-certification sandbox: plain, extra-fields, rate-limited, rate-limited-date, refused-key, untrusted-certificate, write-dropped"),
            ("Clauses", $"{passed} of {client.Clauses.Count} CLIENT clauses passed" + (passed == client.Clauses.Count
                ? "" : $"; the other {client.Clauses.Count - passed} do not apply ({writes})")),
            ("Judged from", judgedFrom),
            ("Not judged", notJudged.Length == 0 ? "nothing: every half of every clause was judged"
                : string.Join("; ", notJudged)),
        ]);
    }

    private static string Page(string documentTitle, string heading, string subject, string issuer,
        ConformanceReport report, TargetReport judged,
        string reportSha256, IReadOnlyList<(string Name, string Value)> facts)
    {
        static string P(string? text) => Printable.Escape(text ?? "");
        return HtmlTemplate.Render("certificate", new
        {
            documentTitle,
            heading,
            subject,
            // A certificate the partner made on its own machine says so: only the certification service issues one.
            issuer = P(issuer),
            facts = facts.Select(f => new { name = P(f.Name), value = P(f.Value) }),
            harness = P($"{report.Harness.Name} {report.Harness.Version}"),
            date = $"{report.FinishedAt:yyyy-MM-dd HH:mm} UTC (run started {report.StartedAt:HH:mm:ss})",
            counts = judged.Counts.Select(level => new
            {
                level = level.Key,
                passed = level.Value[Outcome.Passed],
                notApplicable = level.Value[Outcome.NotApplicable],
            }),
            reportSha256,
        });
    }

    private static async Task PdfAsync(string html, string chromium, string path)
    {
        await using var launched = await Chromium.LaunchAsync(chromium);
        await using var context = await launched.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html);
        await page.PdfAsync(new PagePdfOptions { Path = path, Format = "A4", PrintBackground = true });
    }
}
