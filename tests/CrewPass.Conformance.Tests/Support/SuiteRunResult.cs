using System.Text.Json;
using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Tests;

public sealed record SuiteRunResult(int ExitCode, string Output, IReadOnlyList<CheckOutcome> Outcomes, TimeSpan Elapsed, string ResultsDirectory)
{
    private readonly Lazy<IReadOnlyList<ReportVerdict>> _verdicts = new(() => ReadReport(Path.Combine(ResultsDirectory, "conformance-report.json")));

    /// <summary>Every check's typed verdict from the run's report.</summary>
    public IReadOnlyList<ReportVerdict> Verdicts => _verdicts.Value;

    public IEnumerable<ReportVerdict> VerdictsOf(string target) => Verdicts.Where(v => v.Target == target);

    private static IReadOnlyList<ReportVerdict> ReadReport(string path)
    {
        if (!File.Exists(path)) return [];
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        return (from target in report.RootElement.GetProperty("targets").EnumerateArray()
                from clause in target.GetProperty("clauses").EnumerateArray()
                from check in clause.GetProperty("checks").EnumerateArray()
                select new ReportVerdict(target.GetProperty("name").GetString()!, clause.GetProperty("id").GetString()!,
                    check.GetProperty("name").GetString()!, check.GetProperty("outcome").Deserialize<Outcome>(), check.GetProperty("message").GetString() ?? "",
                    check.TryGetProperty("owner", out var owner) ? owner.GetString() : null,
                    check.TryGetProperty("notJudged", out var notJudged) ? notJudged.GetString() : null,
                    check.TryGetProperty("needs", out var needs) ? needs.GetString() : null)).ToArray();
    }

    public IEnumerable<CheckOutcome> Failed => Outcomes.Where(o => o.Outcome == TrxOutcome.Failed);
    public IEnumerable<CheckOutcome> Skipped => Outcomes.Where(o => o.Outcome == TrxOutcome.NotExecuted);

    /// <summary>The skipped checks of deployments: a run against a deployment that names no client also skips every CLIENT check (asserted apart).</summary>
    public IEnumerable<CheckOutcome> SkippedDeploymentChecks => Skipped.Where(o => !o.Clause.StartsWith("CLIENT-", StringComparison.Ordinal));
    public IEnumerable<CheckOutcome> Passed => Outcomes.Where(o => o.Outcome == TrxOutcome.Passed);
    public IEnumerable<CheckOutcome> Of(string target) => Outcomes.Where(o => o.Target == target);

    public string Describe() => $"exit {ExitCode}, {Passed.Count()} passed, {Failed.Count()} failed, {Skipped.Count()} skipped in {Elapsed.TotalSeconds:0.0} s";
}
