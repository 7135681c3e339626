using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using Microsoft.Win32.SafeHandles;
using System.Text.Json;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

// The suites in one process through NUnit's own API, without dotnet test's three processes (the CLI, vstest.console, the
// test host) and the adapter's per-result conversion: the fault matrix takes about half the time and CPU here
// (bench/figures.md). Users run dotnet test; the harness runs its matrices here, and
// `bench/run.sh --warm` measures what runs sharing one warm process would cost. Settings: CREWPASS_* as for dotnet test.
var suites = new Argument<FileInfo>("suites") { Description = "The built CrewPass.Conformance.Suites.dll." };
var filter = new Option<string?>("--where") { Description = "The checks to run, as an NUnit filter in XML (<filter><cat>KEY-01</cat></filter>).", HelpName = "XML" };
var outcomes = new Option<FileInfo?>("--outcomes") { Description = "Write every check's outcome here, as JSON lines (class, name, outcome, message); with --runs, the last run's.", HelpName = "FILE" };
var runs = new Option<int>("--runs") { Description = "Run the suites this many times in this process, each in a fresh load context, and print each run's wall and CPU time.", DefaultValueFactory = _ => 1 };
var serve = new Option<bool>("--serve") { Description = "Take runs from standard input, one JSON line each ({id, environment, where, outcomes, output, workers}), several at once, each with its own CREWPASS_* environment; answer each with a line {id, exit, error} on standard output. Ends when standard input does." };
var root = new RootCommand("Runs the CrewPass conformance suites in this process. Exit 0: no check failed; 1: a check failed; 2: bad input.") { suites, filter, outcomes, runs, serve };
filter.Validators.Add(result =>
{
    try { if (result.GetValueOrDefault<string?>() is { } xml) TestFilter.FromXml(xml); }
    catch (Exception e) when (e is System.Xml.XmlException or ArgumentException) { result.AddError($"--where: not an NUnit filter: {e.Message}"); }
});
suites.Validators.Add(result =>
{
    if (result.GetValueOrDefault<FileInfo>() is { Exists: false } file) result.AddError($"{file.FullName} does not exist: build the suites first");
});
root.SetAction(parse =>
{
    var assembly = parse.GetValue(suites)!.FullName;
    // The suites read their schemas and fixtures beside their assembly (AppContext.BaseDirectory).
    AppContext.SetData("APP_CONTEXT_BASE_DIRECTORY", Path.GetDirectoryName(assembly) + Path.DirectorySeparatorChar);
    // Chromium.SharedSlot: the runs share one Playwright driver (a Node process, dear to start) instead of
    // starting one per browser, and one browser per set of flags (the targets' hosts and keys). They end with this
    // process: the driver's requests' pipe closes, and it exits with its browsers.
    AppDomain.CurrentDomain.SetData("CrewPass.Conformance.Browser.Shared", new System.Collections.Concurrent.ConcurrentDictionary<string, object>());
    if (parse.GetValue(serve)) return Server.Serve(assembly);
    var where = parse.GetValue(filter) is { } xml ? TestFilter.FromXml(xml) : TestFilter.Empty;
    var failed = false;
    for (var i = 1; i <= parse.GetValue(runs); i++)
    {
        var clock = Stopwatch.StartNew();
        var before = CpuSeconds();
        using var recorder = new Recorder(parse.GetValue(outcomes)?.FullName, Console.Out);
        var result = Suites.Run(assembly, where, recorder, environment: null);
        failed |= Suites.Failed(result);
        Console.WriteLine($"CrewPass.Conformance.Runner: run {i}: {result.TotalCount} checks ({result.PassCount} passed, {result.FailCount} failed, " +
                          $"{result.SkipCount} skipped, {result.InconclusiveCount} inconclusive), {clock.Elapsed.TotalSeconds:0.00} s, {CpuSeconds() - before:0.00} CPU-s");
    }
    return failed ? 1 : 0;
});
var parsed = root.Parse(args);
if (parsed.Errors.Count == 0) return parsed.Invoke();
foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
return 2;

static double CpuSeconds()
{
    var (user, system) = Suites.CpuSeconds();
    return user + system;
}

static class Suites
{
    /// <summary>
    /// One run in a fresh load context, so the suites' static run state starts empty as in a new process; with its
    /// own CREWPASS_* environment when given (the suites read it before NUnit lists the checks), else the process's.
    /// </summary>
    public static ITestResult Run(string assembly, ITestFilter where, Recorder recorder, IReadOnlyDictionary<string, string>? environment, int? workers = null)
    {
        var context = new SuitesContext(assembly);
        try
        {
            var loaded = context.LoadFromAssemblyPath(assembly);
            if (environment is not null)
                (loaded.GetType("CrewPass.Conformance.Suites.Infrastructure.RunEnvironment", throwOnError: true)!
                    .GetProperty("Given") ?? throw new InvalidOperationException("the suites have no RunEnvironment.Given")).SetValue(null, environment);
            var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
            runner.Load(loaded, workers is { } count ? new Dictionary<string, object> { [NUnit.FrameworkPackageSettings.NumberOfTestWorkers] = count } : new Dictionary<string, object>());
            return runner.Run(recorder, where);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>As dotnet test exits non-zero: a check failed, or the run itself did (a one-time tear-down's failure).</summary>
    public static bool Failed(ITestResult result) => result.FailCount > 0 || result.ResultState.Status == TestStatus.Failed;

    /// <summary>This process's user and system seconds, its reaped children's included (the sample clients; Chromium through its driver).</summary>
    public static (double User, double System) CpuSeconds()
    {
        var fields = File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return ((long.Parse(fields[11]) + long.Parse(fields[13])) / 100.0, (long.Parse(fields[12]) + long.Parse(fields[14])) / 100.0);
    }
}

/// <summary>
/// --serve: the harness's runs in one warm process. A run through dotnet test pays three processes' start and the
/// framework's first compilation each time; here each run pays only its own suites' (a fresh load context), and runs
/// overlap as the harness's tests ask for them.
/// </summary>
static class Server
{
    /// <summary>Workers: NUnit's NumberOfTestWorkers for this run, as `-- NUnit.NumberOfTestWorkers=N` gives dotnet test; null keeps the suites' own.</summary>
    private sealed record Request(string Id, Dictionary<string, string> Environment, string? Where, string Outcomes, string Output, int? Workers = null);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Lock Saying = new();
    private static TextWriter Diagnostics = TextWriter.Null;

    private static void Say(string line)
    {
        lock (Saying) Diagnostics.WriteLine(line);
    }

    public static int Serve(string assembly)
    {
        var clock = Stopwatch.StartNew();
        var (requestStream, answerStream) = ProtocolStreams();
        using var requests = new StreamReader(requestStream);
        var answers = new StreamWriter(answerStream) { AutoFlush = true };
        // Anything else that writes to the console goes to standard error.
        Console.SetOut(Console.Error);
        // The runner's own lines go to standard error itself: NUnit points Console.Error at the running test's output.
        Diagnostics = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
        // The suites wait on tasks from NUnit's worker threads; several runs at once must not starve the pool.
        ThreadPool.SetMinThreads(64, 64);
        var gate = new Lock();
        var running = new List<Task>();
        while (requests.ReadLine() is { } line)
        {
            Say($"read {line.Length} characters");
            if (line.Length == 0) continue;
            running.Add(Task.Run(() =>
            {
                var clock = Stopwatch.StartNew();
                var (id, exit, error) = Answer(assembly, line);
                Say($"run {id}: exit {exit} in {clock.Elapsed.TotalSeconds:0.0} s");
                lock (gate) answers.WriteLine(JsonSerializer.Serialize(new { id, exit, error }, Json));
            }));
        }
        Task.WaitAll(running);
        // bench/run.sh --harness: this process's share of the harness's CPU, as SuiteRun times each process it starts.
        if (Environment.GetEnvironmentVariable("HARNESS_CPU_LOG") is { Length: > 0 } log)
        {
            var (user, system) = Suites.CpuSeconds();
            File.AppendAllText(log, $"{clock.Elapsed.TotalSeconds:0.00} {user:0.00} {system:0.00} warm-runner\n");
        }
        return 0;
    }

    /// <summary>
    /// The requests and the answers on descriptors of their own, closed on exec: the suites' children (a client's
    /// shell, the Python sample) inherit descriptors 0 and 1, so a child reading its standard input could take a run's
    /// request, and one writing to its standard output would break an answer (a harness run once waited for ever on
    /// a request the runner never began; that cause is not proven, the inheritance is). The children get /dev/null and standard error instead.
    /// </summary>
    private static (Stream Requests, Stream Answers) ProtocolStreams()
    {
        if (!OperatingSystem.IsLinux()) return (Console.OpenStandardInput(), Console.OpenStandardOutput());
        const int DuplicateClosedOnExec = 1030; // F_DUPFD_CLOEXEC
        var requests = Libc.fcntl(0, DuplicateClosedOnExec, 3);
        var answers = Libc.fcntl(1, DuplicateClosedOnExec, 3);
        var nothing = Libc.open("/dev/null", 0);
        if (requests < 0 || answers < 0 || nothing < 0 || Libc.dup2(nothing, 0) < 0 || Libc.dup2(2, 1) < 0)
            throw new IOException($"--serve could not move its requests and answers off descriptors 0 and 1 (errno {Marshal.GetLastPInvokeError()})");
        Libc.close(nothing);
        return (new FileStream(new SafeFileHandle(requests, ownsHandle: true), FileAccess.Read, 1),
                new FileStream(new SafeFileHandle(answers, ownsHandle: true), FileAccess.Write, 1));
    }

    private static class Libc
    {
        [DllImport("libc", SetLastError = true)]
        internal static extern int fcntl(int descriptor, int command, int argument);

        [DllImport("libc", SetLastError = true)]
        internal static extern int dup2(int descriptor, int target);

        [DllImport("libc", SetLastError = true)]
        internal static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        internal static extern int close(int descriptor);
    }

    private static (string Id, int Exit, string? Error) Answer(string assembly, string line)
    {
        Request request;
        try
        {
            request = JsonSerializer.Deserialize<Request>(line, Json) ?? throw new JsonException("null");
            Say($"run {request.Id}: started");
        }
        catch (JsonException e)
        {
            Say($"not a run ({e.Message}): {line}");
            return ("", 2, $"not a run: {e.Message}");
        }
        try
        {
            var where = request.Where is { } xml ? TestFilter.FromXml(xml) : TestFilter.Empty;
            using var output = new StreamWriter(request.Output);
            using var recorder = new Recorder(request.Outcomes, TextWriter.Synchronized(output));
            return (request.Id, Suites.Failed(Suites.Run(assembly, where, recorder, request.Environment, request.Workers)) ? 1 : 0, null);
        }
        catch (Exception e) when (e is System.Xml.XmlException or ArgumentException)
        {
            return (request.Id, 2, $"where: not an NUnit filter: {e.Message}");
        }
        catch (Exception e)
        {
            return (request.Id, 2, e.ToString());
        }
    }
}

/// <summary>
/// The suites and our assemblies, fresh for one run; NUnit, the frameworks and the libraries shared with this process.
/// </summary>
sealed class SuitesContext(string suites) : AssemblyLoadContext(isCollectible: true)
{
    private readonly AssemblyDependencyResolver _resolver = new(suites);

    protected override Assembly? Load(AssemblyName name)
    {
        if (name.Name == "nunit.framework" || _resolver.ResolveAssemblyToPath(name) is not { } path) return null;
        // Ours hold a run's state (the run, its verdicts, the secrets to redact): fresh for each run. The libraries
        // (RestSharp, NJsonSchema, Playwright, …) hold none a run depends on: loaded once beside this process, they are
        // compiled once, not once a run.
        if (name.Name!.StartsWith("CrewPass.", StringComparison.Ordinal)) return LoadFromAssemblyPath(path);
        try
        {
            return Libraries.Load(path, _resolver);
        }
        catch (FileLoadException)
        {
            // This process has another version of it (System.CommandLine): the run takes its own.
            return LoadFromAssemblyPath(path);
        }
    }

    protected override IntPtr LoadUnmanagedDll(string name) =>
        _resolver.ResolveUnmanagedDllToPath(name) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}

/// <summary>The suites' libraries, loaded once into this process and resolved from the suites' dependencies.</summary>
static class Libraries
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Assembly>> Loaded = new();
    private static readonly Lock Registering = new();
    private static AssemblyDependencyResolver? _resolver;

    public static Assembly Load(string path, AssemblyDependencyResolver resolver)
    {
        // The handler is in place before any run loads a library into the default context: runs starting at once
        // raced here (one loaded Playwright while another had claimed the resolver but not yet registered it, and
        // Playwright's Microsoft.Bcl.AsyncInterfaces was not found). Each library is loaded once (Lazy), not by two runs at once.
        lock (Registering)
        {
            if (_resolver is null)
            {
                _resolver = resolver;
                AssemblyLoadContext.Default.Resolving += (_, name) =>
                    _resolver.ResolveAssemblyToPath(name) is { } dependency ? AssemblyLoadContext.Default.LoadFromAssemblyPath(dependency) : null;
            }
        }
        return Loaded.GetOrAdd(path, p => new Lazy<Assembly>(() => AssemblyLoadContext.Default.LoadFromAssemblyPath(p))).Value;
    }
}

/// <summary>
/// Every check's outcome as the TRX names it (Passed, Failed, NotExecuted: skipped and inconclusive alike, as NUnit's
/// adapter maps them), one JSON line each; and the suites' progress lines, printed as dotnet test prints them.
/// </summary>
sealed class Recorder(string? path, TextWriter output) : ITestListener, IDisposable
{
    private readonly StreamWriter? _writer = path is null ? null : new(path);
    private readonly Lock _gate = new();
    private readonly TextWriter _output = output;

    public void TestFinished(ITestResult result)
    {
        if (result.Test.IsSuite)
        {
            // A one-time set-up or tear-down that failed (Strict's unchecked MUST clauses): dotnet test prints its message.
            if (result.ResultState.Status == TestStatus.Failed && result.ResultState.Site is FailureSite.SetUp or FailureSite.TearDown)
                lock (_gate) _output.WriteLine($"{result.Test.FullName}: {result.Message}");
            return;
        }
        if (_writer is null) return;
        var outcome = result.ResultState.Status switch
        {
            TestStatus.Passed => "Passed",
            TestStatus.Failed => "Failed",
            _ => "NotExecuted",
        };
        // The class as the TRX names it: the fixture's full name, with the target it was made for ("KeySuite(embedded)").
        var fixture = result.Test.Parent;
        while (fixture is not null && fixture.TestType != "TestFixture") fixture = fixture.Parent;
        var line = JsonSerializer.Serialize(new { @class = fixture?.FullName ?? "", name = result.Name, outcome, message = result.Message ?? "" });
        lock (_gate) _writer.WriteLine(line);
    }

    public void TestOutput(TestOutput output)
    {
        lock (_gate) _output.Write(output.Text);
    }

    public void TestStarted(ITest test) { }

    public void SendMessage(TestMessage message) { }

    public void Dispose() => _writer?.Dispose();
}
