using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CrewPass.Conformance.Clients;
using CrewPass.Conformance.Evidence;
using CrewPass.Conformance.Settings;
using CrewPass.Reference;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>The run's clients and their scenarios: each scenario runs once per client, when the client's first check asks.</summary>
public static class ClientRuns
{
    private static readonly ConcurrentDictionary<(string Client, string Scenario), Lazy<Task<ClientSession>>> Sessions = new();
    private static readonly ConcurrentDictionary<string, Lazy<Task<string?>>> Problems = new();
    private static readonly ConcurrentDictionary<string, string> Reported = new();
    private static readonly ConcurrentDictionary<string, RecordedSessions> RecordingFolders = new();

    /// <summary>Clients run side by side, but not more than the machine takes: each scenario is a sandbox and a process.</summary>
    private static readonly SemaphoreSlim Slots = new(12);

    /// <summary>
    /// The sample's variants, fixtures/clients/faults.json: its bugs, each with the clauses that must catch it, and its
    /// legal variations, each with the clauses it may fail (ClientFaults names either).
    /// </summary>
    public static IReadOnlyList<(string Name, string[] Clauses)> FaultCatalogue { get; } = ReadFaults();

    public static IEnumerable<string> PlannedNames()
    {
        yield return ClientUnderTest.FixtureName;
        // Settings that do not load are one message, reported by whichever check runs first; no variant is listed then.
        if (Run.Planned.Problems.Count > 0) yield break;
        foreach (var fault in FaultNames(Run.Planned.Settings)) yield return $"{ClientUnderTest.FixtureName}+{fault}";
    }

    private static IEnumerable<string> FaultNames(HarnessSettings? settings) => settings?.ClientFaults switch
    {
        null => [],
        "all" => FaultCatalogue.Select(f => f.Name),
        var list => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
    };

    /// <summary>The client a fixture name stands for, or null when the run names none (a deployment with neither setting).</summary>
    public static ClientUnderTest? Resolve(string name, HarnessSettings settings)
    {
        var fault = name.Contains('+') ? name[(name.IndexOf('+') + 1)..] : null;
        // The sample stands in against `embedded` so the first command runs every check; never for a certificate, which names the partner's own client.
        var command = settings.ClientCommand ?? (settings.IsEmbedded && settings.ClientRecording is null && !settings.Certify ? ClientUnderTest.SampleCommand : null);
        var recording = settings.ClientRecording;
        if (command is null && recording is null) return null;
        var display = settings.ClientName
                      ?? (settings.ClientCommand is null && recording is null ? "CrewPass sample client (Python)" : recording is not null ? $"the client recorded in {recording}" : command!);
        return new ClientUnderTest(name, command, recording, fault, fault is null ? display : $"{display} with the variant {fault}");
    }

    /// <summary>
    /// Why this client cannot be judged at all, once per client: a fault the catalogue lacks, a recording folder that is
    /// empty or from another version, a command the shell cannot run. Null when it can.
    /// </summary>
    public static Task<string?> ProblemAsync(ClientUnderTest client, HarnessSettings settings) =>
        Problems.GetOrAdd(client.Name, _ => new Lazy<Task<string?>>(async () =>
        {
            if (client.Fault is { } fault && FaultCatalogue.All(f => f.Name != fault))
                return $"ClientFaults: '{fault}' is not a bug or legal variation of the sample client; they are {string.Join(", ", FaultCatalogue.Select(f => f.Name))}";
            if (client.Recording is { } folder) return Recordings(folder).Problem();
            // A shell that cannot find or run the command exits 127 or 126 before the client ever connects.
            var plain = await SessionAsync(client, SandboxScenario.Plain, settings);
            if (plain.Exit is { Code: 126 or 127 } exit && plain.Recording.Connections.Count == 0)
                return $"ClientCommand could not be run: the shell exited {exit.Code}: {Quote(exit.Output)} (the command: {Redactor.Redact(client.Command!)})";
            return null;
        })).Value;

    /// <summary>The problem is reported by the client's first check; its others are "not run". The report lists it too.</summary>
    public static bool ClaimProblemReport(string client, string problem) => Reported.TryAdd(client, $"{client}: {problem}");

    /// <summary>The clients that could not be judged, and why: problems of the run, for the report and its gate.</summary>
    public static IReadOnlyList<string> ReportedProblems => Reported.Values.Order(StringComparer.Ordinal).ToArray();

    public static Task<ClientSession> SessionAsync(
        ClientUnderTest client, SandboxScenario scenario, HarnessSettings settings) =>
        Sessions.GetOrAdd((client.Name, scenario.Name), _ => new Lazy<Task<ClientSession>>(() => client.Recording is { } folder
            ? Recordings(folder).SessionAsync(scenario)
            : PlayAsync(client, scenario, settings))).Value;

    private static RecordedSessions Recordings(string folder) => RecordingFolders.GetOrAdd(folder, f => new RecordedSessions(f));

    /// <summary>Starts every scenario of the client at once, so a check waits for its own scenario only (the run starts them when it begins).</summary>
    public static void StartAll(ClientUnderTest client, HarnessSettings settings)
    {
        foreach (var scenario in SandboxScenario.All) _ = SessionAsync(client, scenario, settings);
    }

    /// <summary>Starts a sandbox playing the scenario, runs the client against it, and reads back what the sandbox recorded.</summary>
    private static async Task<ClientSession> PlayAsync(
        ClientUnderTest client, SandboxScenario scenario, HarnessSettings settings)
    {
        await Slots.WaitAsync();
        try
        {
            var folder = Path.Combine(RunReport.Directory(Run.Current), "client-recordings", client.Name, scenario.Name);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
            if (!ClientScenarios.TryParse(scenario.Name, out var played))
                throw new InvalidOperationException($"the sandbox plays no scenario named '{scenario.Name}': the suites' and the reference's scenario lists differ");
            var sandbox = await ReferenceHost.StartAsync(ReferenceOptions.ForClient(played, folder, Run.Planned.FuzzSeed));
            var secret = sandbox.Credentials.SigningSecret;
            ClientExit exit;
            try
            {
                Redactor.Register([sandbox.Credentials.TestKey, secret]);
                var ca = Path.Combine(folder, "ca.pem");
                await File.WriteAllTextAsync(ca, sandbox.CaCertificatePem);
                exit = await RunClientAsync(client, sandbox.ClientEnvironment(ca), settings.ClientTimeout);
                await File.WriteAllTextAsync(Path.Combine(folder, "client-output.txt"), exit.Output);
            }
            finally
            {
                // Stopping waits for requests still in flight, so the recording read below is the whole of it.
                await sandbox.DisposeAsync();
            }
            return new ClientSession(scenario, ClientRecording.Read(Path.GetDirectoryName(folder)!, scenario.Name, ClientRecording.ExpectedVersion), exit, secret, folder);
        }
        finally
        {
            Slots.Release();
        }
    }

    /// <summary>
    /// Runs the command in a shell with the sandbox's environment (and none of the harness's own CREWPASS_ settings), in
    /// the directory dotnet test was started from (the shell's PWD: the test host itself runs in the build output, where
    /// no user's relative path points); a client still running at the timeout is ended with its process tree.
    /// </summary>
    private static async Task<ClientExit> RunClientAsync(
        ClientUnderTest client, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(client.Command!);
        if (Environment.GetEnvironmentVariable("PWD") is { } invoked && Directory.Exists(invoked)) start.WorkingDirectory = invoked;
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("CREWPASS_", StringComparison.Ordinal)).ToArray()) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        if (client.Fault is { } fault) start.Environment["CREWPASS_CLIENT_FAULT"] = fault;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var gate = new Lock();
        void Collect(object _, DataReceivedEventArgs line)
        {
            if (line.Data is null) return;
            lock (gate)
                if (output.Length < 64 * 1024) output.AppendLine(line.Data);
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        int? code;
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            code = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            code = null;
        }
        string text;
        lock (gate) text = output.ToString();
        return new ClientExit(code, process.Id, clock.Elapsed, Redactor.Redact(text));
    }

    private static string Quote(string output)
    {
        var text = output.Trim();
        return text.Length == 0 ? "(no output)" : "\"" + (text.Length > 400 ? text[..400] + "…" : text).ReplaceLineEndings(" | ") + "\"";
    }

    private static IReadOnlyList<(string, string[])> ReadFaults()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "clients", "faults.json");
        if (!File.Exists(path)) return [];
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        // The bugs, then the legal variations: both are variants of the sample that ClientFaults names.
        return new[] { "faults", "variations" }.SelectMany(list => document.RootElement.TryGetProperty(list, out var rows) ? rows.EnumerateArray().ToArray() : [])
            .Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("clauses").EnumerateArray().Select(c => c.GetString()!).ToArray())).ToArray();
    }
}
