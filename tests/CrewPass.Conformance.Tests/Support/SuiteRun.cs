using System.Collections;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using System.Text.Json;
using CrewPass.Conformance.Clients;
using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// Runs the conformance suites the way a user does: dotnet test on the built suites assembly, with CREWPASS_* settings;
/// or, where only the checks' verdicts are judged, in the harness's warm runner through NUnit's own API (<see cref="RunInOneProcessAsync"/>).
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
    /// The suites through NUnit's own API in the harness's one warm runner (CrewPass.Conformance.Runner --serve: no
    /// vstest.console, no adapter converting each result, no process started per run), with the checks an NUnit filter
    /// (XML) selects, or all. For runs that judge the checks, the report and the gate, not what dotnet test prints,
    /// exits with or writes: a run through dotnet test costs three processes' start and the framework's first
    /// compilation, about twice the CPU of one process (bench/figures.md). Outcomes as the TRX names them,
    /// the exit code as dotnet test gives it, the suites' own lines as dotnet test prints them; no TRX, JUnit or console
    /// logger. Settings are CREWPASS_* variables only: the run sees them as its environment, and no other.
    /// </summary>
    public static async Task<SuiteRunResult> RunInOneProcessAsync(string name, IReadOnlyDictionary<string, string> settings, string? where = null, int? workers = null)
    {
        if (settings.Keys.FirstOrDefault(k => !k.StartsWith("CREWPASS_", StringComparison.Ordinal)) is { } other)
            throw new ArgumentException($"{other}: a run in the shared runner takes CREWPASS_* settings only; a run that needs its own process environment goes through RunAsync", nameof(settings));
        var results = Scratch.NewFolder(name);
        var (outcomes, output) = (Path.Combine(results, "outcomes.jsonl"), Path.Combine(results, "console.log"));
        var environment = new Dictionary<string, string>(settings) { ["CREWPASS_REPORT_DIRECTORY"] = results };
        var clock = Stopwatch.StartNew();
        var (exitCode, error) = await WarmRunner.RunAsync(name, environment, where, outcomes, output, workers);
        clock.Stop();
        var printed = (File.Exists(output) ? await File.ReadAllTextAsync(output) : "") + (error is null ? "" : $"CrewPass.Conformance.Runner: {error}\n");
        return new SuiteRunResult(exitCode, printed, File.Exists(outcomes) ? ReadOutcomes(outcomes) : [], clock.Elapsed, results);
    }

    private static async Task<(int ExitCode, string Output, TimeSpan Elapsed)> StartAsync(string name, string results, IReadOnlyDictionary<string, string> settings, string[] arguments)
    {
        var start = StartInfo(name, settings, arguments);
        start.Environment["CREWPASS_REPORT_DIRECTORY"] = results;
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

    /// <summary>dotnet with these arguments, as the harness starts the suites: the settings given and none of the developer's own.</summary>
    internal static ProcessStartInfo StartInfo(string name, IReadOnlyDictionary<string, string> settings, string[] arguments, bool timed = true)
    {
        // For measuring the harness (bench/run.sh --harness): each run's wall and CPU seconds, dotnet and every
        // process it waited for, appended to HARNESS_CPU_LOG by /usr/bin/time. No test reads it.
        var log = timed && Environment.GetEnvironmentVariable("HARNESS_CPU_LOG") is { Length: > 0 } l && File.Exists("/usr/bin/time") ? l : null;
        var start = new ProcessStartInfo(log is null ? "dotnet" : "/usr/bin/time")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        if (log is not null)
            foreach (var argument in new[] { "-a", "-o", log, "-f", $"%e %U %S {name}", "dotnet" }) start.ArgumentList.Add(argument);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The run sees only the settings given here, never the developer's own CREWPASS_* variables.
        foreach (var variable in Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => (string)e.Key).Where(k => k.StartsWith("CREWPASS_", StringComparison.Ordinal)))
            start.Environment.Remove(variable);
        // As a shell would: a client command's relative paths are relative to where dotnet test was started.
        start.Environment["PWD"] = Repository.Root;
        // A suites run lives seconds: promoting methods to optimised code after 30 calls re-compiles what will not run
        // long enough to pay it back (bench/figures.md).
        start.Environment["DOTNET_TC_CallCountThreshold"] = "1000";
        // For the same reason, no profiling of methods on their way to optimised code.
        start.Environment["DOTNET_TieredPGO"] = "0";
        // Nor separate writable and executable mappings of each method it compiles (W^X): every compiled method costs
        // mapping changes, dearer on few cores under the harness's load. Its runs talk only to deployments the harness started.
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        // python3 as a version manager's shim would run before every Python client a run starts: the interpreter it
        // stands for comes first.
        if (Path.GetDirectoryName(Python.Interpreter) is { Length: > 0 } python) start.Environment["PATH"] = python + Path.PathSeparator + (start.Environment.TryGetValue("PATH", out var path) ? path : "");
        foreach (var (key, value) in settings) start.Environment[key] = value;
        return start;
    }

    /// <summary>An NUnit filter (a shared runner's where) selecting the checks of these clauses.</summary>
    public static string Clauses(params string[] ids) =>
        $"<filter><or>{string.Concat(ids.Select(id => $"<cat>{id}</cat>"))}</or></filter>";

    /// <summary>An NUnit filter selecting one suite's checks (RateLimitSuite).</summary>
    public static string Suite(string name) => $"<filter><class>CrewPass.Conformance.Suites.{name}</class></filter>";

    /// <summary>An NUnit filter selecting the CLIENT checks alone, as TestCategory~CLIENT- does.</summary>
    public const string ClientChecks = "<filter><cat re=\"1\">^CLIENT-</cat></filter>";

    /// <summary>An NUnit filter selecting every check but the CLIENT ones, as TestCategory!~CLIENT- does.</summary>
    public const string DeploymentChecks = "<filter><not><cat re=\"1\">^CLIENT-</cat></not></filter>";

    /// <summary>dotnet test --list-tests with these settings: what Test Explorer and CI history see.</summary>
    public static async Task<SuiteRunResult> ListAsync(IReadOnlyDictionary<string, string> settings) =>
        await RunAsync("list", settings, "--list-tests");

    private static IReadOnlyList<CheckOutcome> ReadOutcomes(string path) =>
        File.ReadLines(path).Select(line => System.Text.Json.JsonSerializer.Deserialize<RunnerOutcome>(line, RunnerOutcome.Json)!)
            .Select(o => new CheckOutcome(TargetOf(o.Class), o.Name, Enum.Parse<TrxOutcome>(o.Outcome), o.Message)).ToArray();

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
            return new CheckOutcome(TargetOf(className), name, Enum.Parse<TrxOutcome>((string)r.Attribute("outcome")!), message);
        }).ToArray();
    }
}
