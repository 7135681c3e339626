using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CrewPass.Conformance.Evidence;

namespace CrewPass.Conformance.Reporting;

/// <summary>Writes the report as JSON (for machines, schemas/report.schema.json) and as one self-contained HTML page (for people).</summary>
public static class ReportWriter
{
    public const string JsonFile = "conformance-report.json";
    public const string HtmlFile = "conformance-report.html";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(ConformanceReport report) => Redactor.Redact(JsonSerializer.Serialize(report, Json));

    /// <summary>Writes both files; returns the JSON's path and the SHA-256 of its bytes, which binds a certificate to it.</summary>
    public static (string JsonPath, string HtmlPath, string Sha256) Write(ConformanceReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var json = Encoding.UTF8.GetBytes(ToJson(report));
        var jsonPath = Path.Combine(directory, JsonFile);
        var htmlPath = Path.Combine(directory, HtmlFile);
        File.WriteAllBytes(jsonPath, json);
        File.WriteAllText(htmlPath, ToHtml(report));
        return (jsonPath, htmlPath, Convert.ToHexStringLower(SHA256.HashData(json)));
    }

    /// <summary>Outcome counts per level over every target: what the HTML header shows and the JSON holds.</summary>
    public static Dictionary<string, Dictionary<string, int>> TotalCounts(ConformanceReport report) =>
        new[] { "MUST", "SHOULD" }.ToDictionary(level => level, level => Outcomes.All.ToDictionary(outcome => outcome,
            outcome => report.Targets.Sum(t => t.Counts.TryGetValue(level, out var c) ? c.GetValueOrDefault(outcome) : 0)));

    public static string ToHtml(ConformanceReport report)
    {
        string E(string? text) => WebUtility.HtmlEncode(Redactor.Redact(text ?? ""));
        static string Css(string outcome) => outcome.Replace(' ', '-');
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>CrewPass Partner API conformance: {{E(report.Gate.Verdict)}}</title>
            <style>
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1c2430; background: #f6f7f9; }
            header { background: #fff; border-bottom: 1px solid #d8dde3; padding: 20px 32px; }
            main { padding: 8px 32px 40px; }
            h1 { font-size: 22px; margin: 0 0 12px; } h2 { font-size: 18px; margin: 28px 0 6px; } h3 { font-size: 15px; margin: 20px 0 6px; color: #3c4756; }
            .verdict { display: inline-block; padding: 4px 14px; border-radius: 4px; font-weight: 700; letter-spacing: .04em; color: #fff; }
            .verdict.passed { background: #1a7f37; color: #fff; } .verdict.failed { background: #c62828; color: #fff; }
            .meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0; }
            .meta dt { color: #5b6573; } .meta dd { margin: 0; font-family: ui-monospace, monospace; word-break: break-all; }
            table { border-collapse: collapse; background: #fff; width: 100%; }
            th, td { border: 1px solid #d8dde3; padding: 6px 10px; text-align: left; vertical-align: top; }
            th { background: #eef1f4; font-weight: 600; }
            table.counts { width: auto; margin: 8px 0 12px; } table.counts td { text-align: right; min-width: 64px; }
            .status { font-weight: 600; white-space: nowrap; border-radius: 3px; padding: 1px 6px; }
            .passed { color: #1a7f37; } .failed { color: #c62828; } .warning { color: #b26a00; } .skipped { color: #6b7280; }
            .not-applicable { color: #6b7280; } .known-deviation { color: #7c3aed; } .not-yet-covered { color: #6b7280; }
            tr.clause td:first-child { white-space: nowrap; }
            tr.row-failed td:first-child { box-shadow: inset 4px 0 #c62828; } tr.row-warning td:first-child { box-shadow: inset 4px 0 #b26a00; }
            tr.row-passed td:first-child { box-shadow: inset 4px 0 #1a7f37; } tr.row-known-deviation td:first-child { box-shadow: inset 4px 0 #7c3aed; }
            details summary { cursor: pointer; color: #2f5fa7; margin-top: 4px; }
            ul.checks { list-style: none; padding: 0; margin: 6px 0; } ul.checks li { margin: 6px 0; }
            pre { background: #f3f4f6; padding: 8px; white-space: pre-wrap; word-break: break-all; font-size: 12px; margin: 4px 0; }
            .filter { margin-top: 8px; display: inline-flex; gap: 6px; align-items: center; font-weight: 600; }
            body.only-failures tr.clause:not(.row-failed):not(.row-warning) { display: none; }
            body.only-failures section.area:not(:has(tr.row-failed, tr.row-warning)) { display: none; }
            .problems { color: #c62828; }
            </style></head>
            <body>
            <header>
            <h1>CrewPass Partner API v1 conformance <span class="verdict {{E(report.Gate.Verdict)}}" id="verdict">{{E(report.Gate.Verdict.ToUpperInvariant())}}</span></h1>
            """);
        html.Append("<table class=\"counts\" id=\"counts\"><tr><th>level</th>");
        foreach (var outcome in Outcomes.All) html.Append($"<th class=\"{Css(outcome)}\">{E(outcome)}</th>");
        html.Append("</tr>");
        foreach (var (level, counts) in TotalCounts(report))
        {
            html.Append($"<tr><th>{level}</th>");
            foreach (var outcome in Outcomes.All) html.Append($"<td data-count=\"{level}:{outcome}\">{counts[outcome]}</td>");
            html.Append("</tr>");
        }
        html.Append("</table>");
        html.Append("<dl class=\"meta\">");
        void Meta(string term, string? value) => html.Append($"<dt>{E(term)}</dt><dd>{E(value)}</dd>");
        Meta("harness", $"{report.Harness.Name} {report.Harness.Version}");
        Meta("run", $"{report.StartedAt:u} to {report.FinishedAt:u}");
        Meta("requests sent", report.Requests.Total.ToString());
        Meta("gate", $"FailOn={report.Gate.FailOn}, Strict={report.Gate.Strict.ToString().ToLowerInvariant()}" +
                     (report.Gate.Reasons.Count > 0 ? ": " + string.Join("; ", report.Gate.Reasons) : ""));
        if (report.Certificate is { Requested: true } certificate)
            Meta("certificate", certificate.Path ?? "not written: " + string.Join("; ", certificate.Blockers));
        html.Append("</dl>");
        foreach (var problem in report.Problems) html.Append($"<p class=\"problems\">{E(problem)}</p>");
        html.Append("<label class=\"filter\"><input type=\"checkbox\" id=\"only-failures\"> Show only failures</label></header><main>");

        foreach (var target in report.Targets)
        {
            html.Append($"<section class=\"target\"><h2>{E(target.Name)}</h2><dl class=\"meta\">");
            Meta("base URL", target.BaseUrl);
            Meta("partner", target.PartnerId);
            Meta("keys", string.Join(", ", target.Credentials.Select(c => $"{c.Key} {c.Value}")));
            html.Append("</dl>");
            foreach (var area in target.Clauses.GroupBy(c => c.Area))
            {
                html.Append($"<section class=\"area\"><h3>{E(area.Key)}</h3><table><tr><th>clause</th><th>level</th><th>status</th><th>what it says, and the checks</th></tr>");
                foreach (var clause in area)
                {
                    html.Append($"<tr class=\"clause row-{Css(clause.Status)}\" data-clause=\"{E(clause.Id)}\" data-status=\"{E(clause.Status)}\">");
                    html.Append($"<td><b>{E(clause.Id)}</b></td><td>{E(clause.Level)}</td><td><span class=\"status {Css(clause.Status)}\">{E(clause.Status)}</span></td><td>{E(clause.Text)}");
                    if (clause.Checks.Count > 0)
                    {
                        html.Append($"<details><summary>{clause.Checks.Count} checks, {clause.Checks.Count(c => c.Outcome == Outcomes.Passed)} passed</summary><ul class=\"checks\">");
                        foreach (var check in clause.Checks)
                        {
                            html.Append($"<li><span class=\"status {Css(check.Outcome)}\">{E(check.Outcome)}</span> {E(check.Name)}");
                            if (check.Message.Length > 0) html.Append($"<pre>{E(check.Message)}</pre>");
                            if (check.Exchanges.Count > 0) html.Append($"<pre>{E(string.Join("\n", check.Exchanges))}</pre>");
                            html.Append("</li>");
                        }
                        html.Append("</ul></details>");
                    }
                    html.Append("</td></tr>");
                }
                html.Append("</table></section>");
            }
            html.Append("</section>");
        }
        html.Append("<h2>Not covered</h2><ul>");
        foreach (var item in report.NotCovered) html.Append($"<li>{E(item)}</li>");
        html.Append("""
            </ul></main>
            <script>
            document.getElementById('only-failures').addEventListener('change', e => document.body.classList.toggle('only-failures', e.target.checked));
            </script>
            </body></html>
            """);
        return html.ToString();
    }
}
