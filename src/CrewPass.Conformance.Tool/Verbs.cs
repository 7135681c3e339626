using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrewPass.Conformance.Tool;

/// <summary>The verbs that run the suites: `check` (a deployment, or the embedded reference) and `certify-client`.</summary>
public static partial class Verbs
{
    public static Command Check()
    {
        var (settings, filter, results, loggers) = CommonOptions();
        var command = new Command("check", "Run the conformance suites against the target the CREWPASS_* variables (or --settings) name; `embedded` by default.")
        {
            settings, filter, results, loggers,
        };
        command.SetAction((parse, cancellation) => RunSuitesAsync(parse.GetValue(settings), parse.GetValue(filter), parse.GetValue(results)!, parse.GetValue(loggers) ?? [],
            new Dictionary<string, string>(), cancellation));
        return command;
    }

    public static Command CertifyClient()
    {
        var (settings, _, results, loggers) = CommonOptions();
        var name = new Option<string?>("--name") { Description = "The client's name on its certificate (ClientName).", HelpName = "NAME" };
        var recording = new Option<string?>("--recording") { Description = "Judge a `sandbox --certify-client --record DIR` recording instead of running a command (ClientRecording).", HelpName = "DIR" };
        var client = new Argument<string[]>("command") { Description = "The partner's client, after --: run once per CLIENT scenario with CREWPASS_BASE_URL, CREWPASS_API_KEY, CREWPASS_SIGNING_SECRET and CREWPASS_CA_CERTIFICATE set.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("certify-client", "Certify a partner's client against the sandbox: every CLIENT scenario, strict; a clean run writes client-certificate.pdf.")
        {
            settings, results, loggers, name, recording, client,
        };
        command.Validators.Add(result =>
        {
            var (given, recorded) = (result.GetValue(client) is { Length: > 0 }, result.GetValue(recording) is not null);
            if (given == recorded) result.AddError(given ? "give the client either as a command after -- or as --recording DIR, not both" : "name the client: `certify-client -- <command>` or `certify-client --recording DIR`");
        });
        command.SetAction((parse, cancellation) =>
        {
            var environment = new Dictionary<string, string> { ["CREWPASS_CERTIFY"] = "true", ["CREWPASS_STRICT"] = "true" };
            if (parse.GetValue(client) is { Length: > 0 } words) environment["CREWPASS_CLIENT_COMMAND"] = string.Join(' ', words);
            if (parse.GetValue(recording) is { } folder) environment["CREWPASS_CLIENT_RECORDING"] = Path.GetFullPath(folder);
            if (parse.GetValue(name) is { } display) environment["CREWPASS_CLIENT_NAME"] = display;
            return RunSuitesAsync(parse.GetValue(settings), "TestCategory~CLIENT-", parse.GetValue(results)!, parse.GetValue(loggers) ?? [], environment, cancellation);
        });
        return command;
    }

    private static (Option<FileInfo?> Settings, Option<string?> Filter, Option<string> Results, Option<string[]> Loggers) CommonOptions()
    {
        var settings = new Option<FileInfo?>("--settings") { Description = "A runsettings file with the target's TestRunParameters (the CREWPASS_* environment wins).", HelpName = "FILE" };
        settings.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo?>() is { Exists: false } file) result.AddError($"--settings: {file.FullName} does not exist");
        });
        var filter = new Option<string?>("--filter") { Description = "Run only the checks the expression selects, as dotnet test --filter: TestCategory=KEY-01, TestCategory~CLIENT-, joined with & or |.", HelpName = "EXPRESSION" };
        filter.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } expression && FilterProblem(expression) is { } problem) result.AddError($"--filter: {problem}");
        });
        var results = new Option<string>("--results") { Description = "Where the report, the certificate and the TRX go.", DefaultValueFactory = _ => "crewpass-results", HelpName = "DIR" };
        var loggers = new Option<string[]>("--logger") { Description = "A further test logger, as dotnet test --logger (junit;LogFilePath=…); on GitHub Actions, GitHubActions is added.", HelpName = "LOGGER", Arity = ArgumentArity.ZeroOrMore };
        return (settings, filter, results, loggers);
    }

    /// <summary>
    /// What is wrong with a test-case filter, or null: balanced parentheses, and conditions Property(=|!=|~|!~)Value
    /// joined by &amp; or | (a bare value means FullyQualifiedName~value, as in dotnet test).
    /// </summary>
    public static string? FilterProblem(string expression)
    {
        var depth = 0;
        foreach (var c in expression.Replace("\\(", "").Replace("\\)", ""))
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) return $"'{expression}' closes a parenthesis it never opened";
        }
        if (depth != 0) return $"'{expression}' leaves a parenthesis open";
        foreach (var term in Regex.Split(expression.Replace("(", " ").Replace(")", " "), @"(?<!\\)[&|]").Select(t => t.Trim()))
        {
            if (term.Length == 0) return $"'{expression}' has an empty condition beside & or |";
            if (Condition().Match(term) is { Success: true } m)
            {
                if (m.Groups["value"].Value.Trim().Length == 0) return $"'{term}' has no value after {m.Groups["op"].Value}";
                continue;
            }
            if (Regex.IsMatch(term, "^(=|!=|~|!~)|(=|!=|~|!~)$") || Regex.IsMatch(term, "^[^=~!]*[!=~]"))
                return $"'{term}' is not a condition: write Property=Value, Property!=Value, Property~Value or Property!~Value";
        }
        return null;
    }

    [GeneratedRegex(@"^(?<property>[A-Za-z][A-Za-z.]*)\s*(?<op>!=|!~|=|~)(?<value>.*)$")]
    private static partial Regex Condition();

    /// <summary>
    /// dotnet test on the suites this tool carries, with the caller's CREWPASS_* environment, then the exit code the
    /// run's own report gives (gate.exitCode); no report is "cannot test", with the reason.
    /// </summary>
    private static async Task<int> RunSuitesAsync(FileInfo? settings, string? filter, string results, string[] loggers,
        IReadOnlyDictionary<string, string> environment, CancellationToken cancellation)
    {
        var suites = Path.Combine(AppContext.BaseDirectory, "suites");
        var assembly = Path.Combine(suites, "CrewPass.Conformance.Suites.dll");
        if (!File.Exists(assembly))
        {
            Console.Error.WriteLine($"error: the suites are not beside the tool ({assembly} is missing): reinstall CrewPass.Conformance.Tool");
            return ToolExit.CannotTest;
        }
        MakeDriverExecutable(suites);
        var directory = Path.GetFullPath(results);
        Directory.CreateDirectory(directory);
        var report = Path.Combine(directory, "conformance-report.json");
        if (File.Exists(report)) File.Delete(report);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var arguments = new List<string> { "test", assembly, "--results-directory", directory, "--logger", "trx;LogFileName=conformance.trx", "--logger", "console;verbosity=normal" };
        arguments.AddRange(["--settings", settings?.FullName ?? Path.Combine(suites, "runsettings", "embedded.runsettings")]);
        if (filter is not null) arguments.AddRange(["--filter", filter]);
        foreach (var logger in loggers) arguments.AddRange(["--logger", logger]);
        if (Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" && !loggers.Any(l => l.StartsWith("GitHubActions", StringComparison.OrdinalIgnoreCase)))
            arguments.AddRange(["--logger", "GitHubActions"]);
        // Whatever runsettings the caller gives: a filter that selects nothing is no green run, and SHOULD warnings show as skipped.
        arguments.AddRange(["--", "RunConfiguration.TreatNoTestsAsError=true", "NUnit.MapWarningTo=Skipped", "NUnit.AssemblySelectLimit=1000000"]);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["CREWPASS_REPORT_DIRECTORY"] = directory;
        // A suites run lives seconds: promoting methods to optimised code after 30 calls re-compiles what will not run
        // long enough to pay it back (a default run: 21% less CPU). The caller's own value wins here, in dotnet test's
        // own processes; the test host takes the runsettings' (the packaged ones set the threshold).
        if (Environment.GetEnvironmentVariable("DOTNET_TC_CallCountThreshold") is null) start.Environment["DOTNET_TC_CallCountThreshold"] = "1000";
        // For the same reason, no profiling of methods on their way to optimised code (4% less CPU).
        if (Environment.GetEnvironmentVariable("DOTNET_TieredPGO") is null) start.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var noTestMatched = false;
        async Task Relay(StreamReader from, TextWriter to)
        {
            while (await from.ReadLineAsync(cancellation) is { } line)
            {
                if (line.Contains("No test matches the given testcase filter", StringComparison.Ordinal)) noTestMatched = true;
                await to.WriteLineAsync(line);
            }
        }
        await Task.WhenAll(Relay(process.StandardOutput, Console.Out), Relay(process.StandardError, Console.Error), process.WaitForExitAsync(cancellation));
        var (code, meaning, why) = Verdict(report, noTestMatched, filter, process.ExitCode);
        Console.WriteLine($"crewpass-conformance: exit {code} ({meaning}){(why is null ? "" : ": " + why)}; report {report}");
        return code;
    }

    private static (int Code, string Meaning, string? Why) Verdict(string report, bool noTestMatched, string? filter, int testExit)
    {
        if (!File.Exists(report))
            return noTestMatched
                ? (ToolExit.CannotTest, "cannot test", $"no test matched --filter {filter}")
                : (ToolExit.CannotTest, "cannot test", $"the suites wrote no report (dotnet test exited {testExit}); see the output above");
        using var json = JsonDocument.Parse(File.ReadAllBytes(report));
        var gate = json.RootElement.GetProperty("gate");
        var reasons = gate.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).Take(3).ToArray();
        var code = gate.GetProperty("exitCode").GetInt32();
        // A green gate with a red dotnet test: something failed outside any check (a test-case source, a crash).
        if (code is ToolExit.Conformant or ToolExit.MustClauseUnanswered && testExit != 0)
            return (ToolExit.CannotTest, "cannot test", $"dotnet test exited {testExit} although the gate found no failure: something failed outside the checks (a test-case source such as SigningVectors, or a crash); see the output above");
        return (code, gate.GetProperty("meaning").GetString()!, reasons.Length == 0 ? null : string.Join("; ", reasons));
    }

    /// <summary>A tool package keeps no file modes: Playwright's driver must be executable again for WEB-01 and the certificate.</summary>
    private static void MakeDriverExecutable(string suites)
    {
        if (OperatingSystem.IsWindows()) return;
        var drivers = Path.Combine(suites, ".playwright", "node");
        if (!Directory.Exists(drivers)) return;
        foreach (var node in Directory.EnumerateFiles(drivers, "node", SearchOption.AllDirectories))
            File.SetUnixFileMode(node, File.GetUnixFileMode(node) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }
}
