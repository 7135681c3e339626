using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

// What runs of the suites cost in one warm process rather than one `dotnet test` each (three processes: the CLI,
// vstest.console, the test host). Each run loads the suites into a fresh collectible AssemblyLoadContext, so their
// static run state starts empty as in a new process; NUnit and the .NET and ASP.NET Core frameworks stay loaded and
// compiled. Settings: CREWPASS_* as for dotnet test. No TRX, no report check: a measurement, not a runner.
if (args.Length < 2 || !File.Exists(args[0]) || !int.TryParse(args[1], out var runs))
{
    Console.Error.WriteLine("usage: WarmHost <the built CrewPass.Conformance.Suites.dll> <runs> [an NUnit filter, as XML]");
    return 2;
}
var suites = Path.GetFullPath(args[0]);
// The suites read their schemas and fixtures beside their assembly (AppContext.BaseDirectory).
AppContext.SetData("APP_CONTEXT_BASE_DIRECTORY", Path.GetDirectoryName(suites) + Path.DirectorySeparatorChar);
var filter = args.Length > 2 ? TestFilter.FromXml(args[2]) : TestFilter.Empty;
for (var i = 1; i <= runs; i++)
{
    var clock = Stopwatch.StartNew();
    var before = CpuSeconds();
    var context = new SuitesContext(suites);
    var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
    runner.Load(context.LoadFromAssemblyPath(suites), new Dictionary<string, object> { ["NumberOfTestWorkers"] = 16 });
    var result = runner.Run(TestListener.NULL, filter);
    Console.WriteLine($"warm run {i}: {result.PassCount + result.FailCount + result.SkipCount + result.InconclusiveCount} checks " +
                      $"({result.PassCount} passed, {result.FailCount} failed, {result.SkipCount} skipped), {clock.Elapsed.TotalSeconds:0.00} s, " +
                      $"{CpuSeconds() - before:0.00} CPU-s");
    context.Unload();
}
return 0;

// This process's user and system seconds, and its reaped children's (the sample clients, Chromium through its driver).
static double CpuSeconds()
{
    var fields = File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return fields[11..15].Sum(long.Parse) / 100.0;
}

/// <summary>The suites and everything they bring, fresh for one run; NUnit and the frameworks shared with the host.</summary>
sealed class SuitesContext(string suites) : AssemblyLoadContext(isCollectible: true)
{
    private readonly AssemblyDependencyResolver _resolver = new(suites);

    protected override Assembly? Load(AssemblyName name) =>
        name.Name == "nunit.framework" ? null : _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;

    protected override IntPtr LoadUnmanagedDll(string name) =>
        _resolver.ResolveUnmanagedDllToPath(name) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
