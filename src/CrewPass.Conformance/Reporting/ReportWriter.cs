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

    /// <summary>A report as <see cref="ToJson"/> wrote it (redacted as written): to print what was stored.</summary>
    public static ConformanceReport FromJson(string json) =>
        JsonSerializer.Deserialize<ConformanceReport>(json, Json) ?? throw new InvalidDataException("no report");

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
    public static Dictionary<string, Dictionary<Outcome, int>> TotalCounts(ConformanceReport report) =>
        new[] { "MUST", "SHOULD" }.ToDictionary(level => level,
            level => ClauseStatus.CheckOutcomes.ToDictionary(outcome => outcome,
            outcome => report.Targets.Sum(t => t.Counts.TryGetValue(level, out var c) ? c.GetValueOrDefault(outcome)
                : 0)));

    /// <summary>One self-contained page (Templates/report.html.hbs); every text in it redacted, and encoded by the template.</summary>
    public static string ToHtml(ConformanceReport report) => HtmlTemplate.Render("report", new
    {
        verdict = report.Gate.Verdict.ReportName(),
        verdictShout = report.Gate.Verdict.ReportName().ToUpperInvariant(),
        outcomes = ClauseStatus.CheckOutcomes.Select(o => new { name = o.ReportName(), css = Css(o) }),
        counts = TotalCounts(report).Select(level => new
        {
            level = level.Key,
            cells = level.Value.Select(c => new { key = $"{level.Key}:{c.Key.ReportName()}", value = c.Value }),
        }),
        meta = Meta(report),
        problems = report.Problems.Select(Redactor.Redact),
        targets = report.Targets.Select(Target),
        notCovered = report.NotCovered,
    });

    private static string Css(Outcome outcome) => outcome.ReportName().Replace(' ', '-');

    private static object[] Meta(ConformanceReport report)
    {
        var gate = $"FailOn={report.Gate.FailOn}, Strict={report.Gate.Strict.ToString().ToLowerInvariant()}"
                   + (report.Gate.Reasons.Count > 0 ? ": " + string.Join("; ", report.Gate.Reasons) : "");
        var meta = new List<(string, string?)>
        {
            ("harness", $"{report.Harness.Name} {report.Harness.Version}"),
            ("run", $"{report.StartedAt:u} to {report.FinishedAt:u}"),
            ("requests sent", report.Requests.Total.ToString()),
            ("gate", gate),
        };
        if (report.Certificate is { Requested: true } certificate)
            meta.Add(("certificate", certificate.Path ?? "not written: " + string.Join("; ", certificate.Blockers)));
        return meta.Select(m => (object)new { term = m.Item1, value = Redactor.Redact(m.Item2 ?? "") }).ToArray();
    }

    private static object Target(TargetReport target) => new
    {
        name = Redactor.Redact(target.Name),
        meta = new[] { ("base URL", target.BaseUrl), ("partner", target.PartnerId), ("keys", string.Join(", ",
            target.Credentials.Select(c => $"{c.Key} {c.Value}"))) }
            .Select(m => new { term = m.Item1, value = Redactor.Redact(m.Item2 ?? "") }),
        areas = target.Clauses.GroupBy(c => c.Area).Select(area => new
        {
            name = area.Key,
            clauses = area.Select(Clause)
        }),
    };

    private static object Clause(ClauseReport clause) => new
    {
        id = clause.Id,
        level = clause.Level,
        status = clause.Status.ReportName(),
        css = Css(clause.Status),
        text = clause.Text,
        hasChecks = clause.Checks.Count > 0,
        count = clause.Checks.Count,
        passed = clause.Checks.Count(c => c.Outcome == Outcome.Passed),
        checks = clause.Checks.Select(check => new
        {
            outcome = check.Outcome.ReportName(),
            css = Css(check.Outcome),
            name = check.Name,
            message = check.Message.Length > 0 ? Redactor.Redact(check.Message) : null,
            exchanges = check.Exchanges.Count > 0 ? Redactor.Redact(string.Join("\n", check.Exchanges)) : null,
        }).ToArray(),
    };
}
