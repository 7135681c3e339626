using System.Text;
using System.Text.Json;
using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Evidence;
using CrewPass.Conformance.Http;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>The end-of-run summary: verdicts per level and clause, requests sent, written beside the test results.</summary>
public static class RunSummary
{
    public const string FileName = "conformance-summary.json";

    public sealed record Written(string Text, string Path);

    public static Written Write(RunState run, IReadOnlyList<Verdict> verdicts)
    {
        var directory = ReportDirectory(run);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var clauses = ClauseCatalogue.All.Select(c => new
        {
            id = c.Id,
            level = c.LevelName,
            status = c.Covered ? StatusOf(verdicts.Where(v => v.Clause == c.Id).ToArray()) : "not yet covered",
            checks = verdicts.Count(v => v.Clause == c.Id),
            requests = RequestLedger.PerClause.GetValueOrDefault(c.Id),
            failures = verdicts.Where(v => v.Clause == c.Id && v.Outcome is "failed" or "warning").Select(v => v.Test).ToArray(),
        }).ToArray();
        var document = new
        {
            targets = run.Targets.Select(t => new { name = t.Name, baseUrl = t.Client.BaseUrl.ToString() }),
            problems = run.Problems,
            fuzzSeed = run.FuzzSeed,
            requests = new { total = RequestLedger.Total, perClause = RequestLedger.PerClause },
            outcomes = verdicts.GroupBy(v => v.Outcome).ToDictionary(g => g.Key, g => g.Count()),
            clauses,
        };
        File.WriteAllText(path, Redactor.Redact(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true })));

        var text = new StringBuilder();
        foreach (var level in new[] { ClauseLevel.Must, ClauseLevel.Should })
        {
            var ofLevel = verdicts.Where(v => v.Level == level).ToArray();
            text.Append("CrewPass.Conformance: ").Append(level == ClauseLevel.Must ? "MUST  " : "SHOULD").Append(' ')
                .AppendJoin(", ", ofLevel.GroupBy(v => v.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))
                .AppendLine(ofLevel.Length == 0 ? "no checks" : "");
        }
        foreach (var failed in clauses.Where(c => c.failures.Length > 0))
            text.Append("CrewPass.Conformance: ").Append(failed.id).Append(' ').Append(failed.level).Append(": ").Append(failed.failures.Length).AppendLine(" failing checks");
        text.Append("CrewPass.Conformance: summary written to ").AppendLine(path);
        text.Append("CrewPass.Conformance: ").Append(RequestLedger.Total).Append(" HTTP requests sent");
        return new Written(Redactor.Redact(text.ToString()), path);
    }

    /// <summary>ReportDirectory, else the results folder the build gave this project (where dotnet test puts its TRX), else NUnit's work directory.</summary>
    public static string ReportDirectory(RunState run)
    {
        if (run.Settings?["ReportDirectory"] is { } configured) return Path.GetFullPath(configured);
        var built = typeof(RunSummary).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "CrewPass.DefaultResultsDirectory")?.Value;
        return built is not null && Directory.Exists(Path.GetDirectoryName(Path.GetDirectoryName(built))) ? built : TestContext.CurrentContext.WorkDirectory;
    }

    private static string StatusOf(IReadOnlyList<Verdict> verdicts) =>
        verdicts.Count == 0 ? "no checks ran"
        : verdicts.Any(v => v.Outcome == "failed") ? "failed"
        : verdicts.Any(v => v.Outcome == "warning") ? "warning"
        : verdicts.All(v => v.Outcome == "not applicable") ? "not applicable"
        : verdicts.Any(v => v.Outcome == "skipped") ? "skipped"
        : "passed";
}
