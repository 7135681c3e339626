using System.Net;
using CrewPass.Conformance.Browser;
using CrewPass.Conformance.Reporting;
using Microsoft.Playwright;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>conformance-certificate.pdf: one page a partner can hand over, bound to its JSON report by the report's SHA-256.</summary>
public static class Certificate
{
    public const string FileName = "conformance-certificate.pdf";

    public const string ClientFileName = "client-certificate.pdf";

    /// <summary>The deployment certificate: for whoever runs a deployment, with all of its credentials.</summary>
    public static Task WriteAsync(ConformanceReport report, string reportSha256, string chromium, string path)
    {
        var target = report.Targets.Single(t => t.Kind == TargetKinds.Deployment);
        var passed = target.Clauses.Count(c => c.Status is Outcome.Passed);
        var clauses = passed == target.Clauses.Count
            ? $"all {passed} clauses passed"
            : $"{passed} of {target.Clauses.Count} clauses passed; the other {target.Clauses.Count - passed} do not apply to this deployment's profile";
        var targetName = target.BaseUrl.Contains(target.Name, StringComparison.Ordinal) ? target.BaseUrl : $"{target.BaseUrl} ({target.Name})";
        return RenderAsync("CrewPass conformance certificate", "Certificate of conformance", "CrewPass Partner API v1", report, target, reportSha256, chromium, path,
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
    public static Task WriteClientAsync(ConformanceReport report, string reportSha256, string chromium, string path)
    {
        var client = report.Targets.Single(t => t.Kind == TargetKinds.Client);
        var writes = client.Clauses.Where(c => Clauses.ClauseCatalogue.Get(c.Id).JudgesWrites).All(c => c.Status == Outcome.NotApplicable)
            ? "reads only" : "reads and signed writes";
        var passed = client.Clauses.Count(c => c.Status is Outcome.Passed);
        var notJudged = client.Clauses.SelectMany(c => c.Checks).Select(k => k.NotJudged).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
        var judgedFrom = client.Profile.ContainsKey("ClientRecording")
            ? "a recording (ClientRecording): what reached the sandbox, not the client's exit status"
            : "runs of the client (ClientCommand): what reached the sandbox and how the client exited";
        return RenderAsync("CrewPass client certificate", "Client integration certificate", $"a partner's client of the CrewPass Partner API v1 &mdash; {writes}", report, client, reportSha256, chromium, path,
        [
            ("Client", client.PartnerId ?? client.Name),
            ("Certified for", writes),
            ("Judged by", "the CrewPass client-certification sandbox: plain, extra-fields, rate-limited, rate-limited-date, refused-key, untrusted-certificate, write-dropped"),
            ("Clauses", $"{passed} of {client.Clauses.Count} CLIENT clauses passed" + (passed == client.Clauses.Count ? "" : $"; the other {client.Clauses.Count - passed} do not apply ({writes})")),
            ("Judged from", judgedFrom),
            ("Not judged", notJudged.Length == 0 ? "nothing: every half of every clause was judged" : string.Join("; ", notJudged)),
        ]);
    }

    private static async Task RenderAsync(string documentTitle, string heading, string subject, ConformanceReport report, TargetReport judged,
        string reportSha256, string chromium, string path, IReadOnlyList<(string Name, string Value)> facts)
    {
        string E(string? text) => WebUtility.HtmlEncode(CrewPass.Conformance.Evidence.Printable.Escape(text ?? ""));
        var rows = string.Concat(judged.Counts.Select(level =>
            $"<tr><th>{level.Key}</th><td>{level.Value[Outcome.Passed]}</td><td>{level.Value[Outcome.NotApplicable]}</td></tr>"));
        var table = string.Concat(facts.Select(f => $"<tr><th>{E(f.Name)}</th><td>{E(f.Value)}</td></tr>"));
        var html = $$"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{E(documentTitle)}}</title>
            <style>
            @page { size: A4; margin: 22mm; }
            body { font: 11pt/1.5 "DejaVu Sans", system-ui, sans-serif; color: #1c2430; }
            .frame { border: 3px double #1a4f8b; padding: 18mm 16mm; }
            h1 { font-size: 22pt; margin: 0 0 4pt; color: #1a4f8b; } .lead { font-size: 12pt; margin: 0 0 18pt; }
            table { border-collapse: collapse; width: 100%; margin: 8pt 0 14pt; }
            th, td { border: 1px solid #c9d1da; padding: 5pt 8pt; text-align: left; vertical-align: top; }
            th { background: #eef2f7; width: 34%; font-weight: 600; }
            .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; word-break: break-all; }
            .verdict { font-size: 14pt; font-weight: 700; color: #1a7f37; }
            small { color: #5b6573; }
            </style></head><body><div class="frame">
            <h1>{{E(heading)}}</h1>
            <p class="lead">{{subject}} &mdash; <span class="verdict">all applicable clauses passed</span></p>
            <table>
            {{table}}
            <tr><th>Harness</th><td>{{E(report.Harness.Name)}} {{E(report.Harness.Version)}}</td></tr>
            <tr><th>Date</th><td>{{report.FinishedAt.ToString("yyyy-MM-dd HH:mm")}} UTC (run started {{report.StartedAt.ToString("HH:mm:ss")}})</td></tr>
            </table>
            <table><tr><th>level</th><th>checks passed</th><th>not applicable</th></tr>{{rows}}</table>
            <table><tr><th>SHA-256 of conformance-report.json</th><td class="hash">{{reportSha256}}</td></tr></table>
            <p><small>Run strict: every check ran, none failed, none was skipped. The JSON report beside this file holds every
            check with its evidence; its SHA-256 above binds the two: <code>sha256sum conformance-report.json</code>.</small></p>
            </div></body></html>
            """;
        await using var launched = await Chromium.LaunchAsync(chromium);
        await using var context = await launched.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html);
        await page.PdfAsync(new PagePdfOptions { Path = path, Format = "A4", PrintBackground = true });
    }
}
