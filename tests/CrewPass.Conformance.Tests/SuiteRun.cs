using System.Collections;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CrewPass.Conformance.Tests;

/// <summary>One check's outcome as the TRX reports it.</summary>
public sealed record CheckOutcome(string Target, string Name, string Outcome, string Message)
{
    /// <summary>The clause id the check's name starts with (KEY_01_… is KEY-01); PREFLIGHT for the preflight.</summary>
    public string Clause { get; } = Regex.Match(Name, @"^([A-Z]+)_(\d\d)_") is { Success: true } m ? $"{m.Groups[1].Value}-{m.Groups[2].Value}" : "PREFLIGHT";
}

/// <summary>One check's verdict as conformance-report.json types it: failed, transport error, inconclusive, … (the TRX cannot tell them apart).</summary>
public sealed record ReportVerdict(string Target, string Clause, string Name, string Outcome, string Message);

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
                    check.GetProperty("name").GetString()!, check.GetProperty("outcome").GetString()!, check.GetProperty("message").GetString() ?? "")).ToArray();
    }

    public IEnumerable<CheckOutcome> Failed => Outcomes.Where(o => o.Outcome == "Failed");
    public IEnumerable<CheckOutcome> Skipped => Outcomes.Where(o => o.Outcome == "NotExecuted");

    /// <summary>The skipped checks of deployments: a run against a deployment that names no client also skips every CLIENT check (asserted apart).</summary>
    public IEnumerable<CheckOutcome> SkippedDeploymentChecks => Skipped.Where(o => !o.Clause.StartsWith("CLIENT-", StringComparison.Ordinal));
    public IEnumerable<CheckOutcome> Passed => Outcomes.Where(o => o.Outcome == "Passed");
    public IEnumerable<CheckOutcome> Of(string target) => Outcomes.Where(o => o.Target == target);

    public string Describe() => $"exit {ExitCode}, {Passed.Count()} passed, {Failed.Count()} failed, {Skipped.Count()} skipped in {Elapsed.TotalSeconds:0.0} s";
}

/// <summary>
/// Runs the conformance suites the way a user does: dotnet test on the built suites assembly, with CREWPASS_* settings;
/// or, where only the checks' verdicts are judged, in one process through NUnit's own API (<see cref="RunInOneProcessAsync"/>).
/// </summary>
public static class SuiteRun
{
    public static async Task<SuiteRunResult> RunAsync(string name, IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var results = Scratch.NewFolder(name);
        var (exitCode, output, elapsed) = await StartAsync(name, results, settings,
            ["test", Repository.SuitesAssembly, "--results-directory", results,
             "--logger", "trx;LogFileName=suites.trx", "--logger", $"junit;LogFilePath={Path.Combine(results, "junit.xml")}",
             "--logger", "console;verbosity=normal", .. arguments,
             // As the runsettings say: a filter that selects thousands of checks by name still selects only them.
             "--", "NUnit.AssemblySelectLimit=1000000"]);
        var trx = Path.Combine(results, "suites.trx");
        return new SuiteRunResult(exitCode, output, File.Exists(trx) ? ParseTrx(trx) : [], elapsed, results);
    }

    /// <summary>
    /// The suites in one process (CrewPass.Conformance.Runner: NUnit's own API, no vstest.console, no adapter converting
    /// each result), with the checks an NUnit filter (XML) selects, or all. For runs that judge the checks, not what
    /// dotnet test prints or exits with (the matrices, the robustness runs): there dotnet test was more than half the
    /// cost (40,339 checks: 61 s and 80 CPU-s against 32 s and 35). Outcomes as the TRX names them; the suites' own
    /// lines as dotnet test prints them; no TRX, JUnit or console logger.
    /// </summary>
    public static async Task<SuiteRunResult> RunInOneProcessAsync(string name, IReadOnlyDictionary<string, string> settings, string? where = null)
    {
        var results = Scratch.NewFolder(name);
        var outcomes = Path.Combine(results, "outcomes.jsonl");
        var (exitCode, output, elapsed) = await StartAsync(name, results, settings,
            [Repository.RunnerAssembly, Repository.SuitesAssembly, "--outcomes", outcomes, .. where is null ? Array.Empty<string>() : ["--where", where]]);
        return new SuiteRunResult(exitCode, output, File.Exists(outcomes) ? ReadOutcomes(outcomes) : [], elapsed, results);
    }

    private static async Task<(int ExitCode, string Output, TimeSpan Elapsed)> StartAsync(string name, string results, IReadOnlyDictionary<string, string> settings, string[] arguments)
    {
        // For measuring the harness (bench/run.sh --harness): each run's wall and CPU seconds, dotnet and every
        // process it waited for, appended to HARNESS_CPU_LOG by /usr/bin/time. No test reads it.
        var timed = Environment.GetEnvironmentVariable("HARNESS_CPU_LOG") is { Length: > 0 } log && File.Exists("/usr/bin/time") ? log : null;
        var start = new ProcessStartInfo(timed is null ? "dotnet" : "/usr/bin/time")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        if (timed is not null)
            foreach (var argument in new[] { "-a", "-o", timed, "-f", $"%e %U %S {name}", "dotnet" }) start.ArgumentList.Add(argument);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The run sees only the settings given here, never the developer's own CREWPASS_* variables.
        foreach (var variable in Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => (string)e.Key).Where(k => k.StartsWith("CREWPASS_", StringComparison.Ordinal)))
            start.Environment.Remove(variable);
        start.Environment["CREWPASS_REPORT_DIRECTORY"] = results;
        // As a shell would: a client command's relative paths are relative to where dotnet test was started.
        start.Environment["PWD"] = Repository.Root;
        // A suites run lives seconds: promoting methods to optimised code after 30 calls re-compiles what will not run
        // long enough to pay it back. Measured on a default run: 21% less CPU (14.3 to 11.3 s), 18% less wall.
        start.Environment["DOTNET_TC_CallCountThreshold"] = "1000";
        // For the same reason, no profiling of methods on their way to optimised code: 9.7 to 9.3 CPU-s a default run
        // (five runs each, alternating; less in every pair).
        start.Environment["DOTNET_TieredPGO"] = "0";
        // Nor separate writable and executable mappings of each method it compiles (W^X): every compiled method costs
        // mapping changes, dearer on this VM's two cores and under the harness's load. GateTests' eight runs: 70 to 62
        // CPU-s and 41 to 37 s (three alternating pairs, less in each). Its runs talk only to deployments the harness started.
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        var output = await stdout + await stderr;
        await File.WriteAllTextAsync(Path.Combine(results, "console.log"), output);
        return (process.ExitCode, output, clock.Elapsed);
    }

    /// <summary>dotnet test --list-tests with these settings: what Test Explorer and CI history see.</summary>
    public static async Task<SuiteRunResult> ListAsync(IReadOnlyDictionary<string, string> settings) =>
        await RunAsync("list", settings, "--list-tests");

    private static IReadOnlyList<CheckOutcome> ReadOutcomes(string path) =>
        File.ReadLines(path).Select(line => System.Text.Json.JsonSerializer.Deserialize<RunnerOutcome>(line, RunnerOutcome.Json)!)
            .Select(o => new CheckOutcome(TargetOf(o.Class), o.Name, o.Outcome, o.Message)).ToArray();

    /// <summary>One line of the runner's --outcomes file.</summary>
    private sealed record RunnerOutcome(string Class, string Name, string Outcome, string Message)
    {
        public static readonly System.Text.Json.JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    }

    /// <summary>The target a check ran against: its class is the fixture made for it, "KeysSuite(embedded)".</summary>
    private static string TargetOf(string className) => Regex.Match(className, @"\(([^)]*)\)$") is { Success: true } m ? m.Groups[1].Value : "";

    private static IReadOnlyList<CheckOutcome> ParseTrx(string trx)
    {
        XNamespace t = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var document = XDocument.Load(trx);
        var definitions = document.Descendants(t + "UnitTest").ToDictionary(
            u => (string)u.Attribute("id")!,
            u => (Class: (string)u.Element(t + "TestMethod")!.Attribute("className")!, Name: (string)u.Attribute("name")!));
        return document.Descendants(t + "UnitTestResult").Select(r =>
        {
            var (className, name) = definitions[(string)r.Attribute("testId")!];
            var message = (string?)r.Descendants(t + "Message").FirstOrDefault() ?? "";
            return new CheckOutcome(TargetOf(className), name, (string)r.Attribute("outcome")!, message);
        }).ToArray();
    }
}
