using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

// The suites in one process through NUnit's own API, without dotnet test's three processes (the CLI, vstest.console, the
// test host) and the adapter's per-result conversion: the fault matrix's 40,339 checks take 32 s and 35 CPU-s here
// against 61 s and 80 CPU-s through dotnet test. Users run dotnet test; the harness runs its matrices here, and
// `bench/run.sh --warm` measures what runs sharing one warm process would cost. Settings: CREWPASS_* as for dotnet test.
var suites = new Argument<FileInfo>("suites") { Description = "The built CrewPass.Conformance.Suites.dll." };
var filter = new Option<string?>("--where") { Description = "The checks to run, as an NUnit filter in XML (<filter><cat>KEY-01</cat></filter>).", HelpName = "XML" };
var outcomes = new Option<FileInfo?>("--outcomes") { Description = "Write every check's outcome here, as JSON lines (class, name, outcome, message); with --runs, the last run's.", HelpName = "FILE" };
var runs = new Option<int>("--runs") { Description = "Run the suites this many times in this process, each in a fresh load context, and print each run's wall and CPU time.", DefaultValueFactory = _ => 1 };
var root = new RootCommand("Runs the CrewPass conformance suites in this process. Exit 0: no check failed; 1: a check failed; 2: bad input.") { suites, filter, outcomes, runs };
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
    var where = parse.GetValue(filter) is { } xml ? TestFilter.FromXml(xml) : TestFilter.Empty;
    var failed = false;
    for (var i = 1; i <= parse.GetValue(runs); i++)
    {
        var clock = Stopwatch.StartNew();
        var before = CpuSeconds();
        using var recorder = parse.GetValue(outcomes) is { } file ? new Recorder(file.FullName) : null;
        var result = RunOnce(assembly, where, recorder);
        failed |= result.FailCount > 0;
        Console.WriteLine($"CrewPass.Conformance.Runner: run {i}: {result.TotalCount} checks ({result.PassCount} passed, {result.FailCount} failed, " +
                          $"{result.SkipCount} skipped, {result.InconclusiveCount} inconclusive), {clock.Elapsed.TotalSeconds:0.00} s, {CpuSeconds() - before:0.00} CPU-s");
    }
    return failed ? 1 : 0;
});
var parsed = root.Parse(args);
if (parsed.Errors.Count == 0) return parsed.Invoke();
foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
return 2;

static ITestResult RunOnce(string assembly, ITestFilter where, Recorder? recorder)
{
    // A fresh load context per run: the suites' static run state starts empty, as in a new process.
    var context = new SuitesContext(assembly);
    try
    {
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(context.LoadFromAssemblyPath(assembly), new Dictionary<string, object>());
        return runner.Run(recorder ?? (ITestListener)TestListener.NULL, where);
    }
    finally
    {
        context.Unload();
    }
}

// This process's user and system seconds and its reaped children's (the sample clients; Chromium through its driver).
static double CpuSeconds()
{
    var fields = File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return fields[11..15].Sum(long.Parse) / 100.0;
}

/// <summary>The suites and everything they bring, fresh for one run; NUnit and the frameworks shared with this process.</summary>
sealed class SuitesContext(string suites) : AssemblyLoadContext(isCollectible: true)
{
    private readonly AssemblyDependencyResolver _resolver = new(suites);

    protected override Assembly? Load(AssemblyName name) =>
        name.Name == "nunit.framework" ? null : _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;

    protected override IntPtr LoadUnmanagedDll(string name) =>
        _resolver.ResolveUnmanagedDllToPath(name) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}

/// <summary>
/// Every check's outcome as the TRX names it (Passed, Failed, NotExecuted: skipped and inconclusive alike, as NUnit's
/// adapter maps them), one JSON line each; and the suites' progress lines, printed as dotnet test prints them.
/// </summary>
sealed class Recorder(string path) : ITestListener, IDisposable
{
    private readonly StreamWriter _writer = new(path);
    private readonly Lock _gate = new();

    public void TestFinished(ITestResult result)
    {
        if (result.Test.IsSuite) return;
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
        lock (_gate) Console.Write(output.Text);
    }

    public void TestStarted(ITest test) { }

    public void SendMessage(TestMessage message) { }

    public void Dispose() => _writer.Dispose();
}
