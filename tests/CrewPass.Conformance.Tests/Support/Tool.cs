using System.Diagnostics;

namespace CrewPass.Conformance.Tests;

/// <summary>The dotnet tool run as a user runs it: its exit code and everything it printed.</summary>
public static class Tool
{
    public static async Task<(int Code, string Output)> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>
    /// `dotnet crewpass-conformance.dll ARGS` with its output redirected, and the runtime settings a suites run gets
    /// (SuiteRun, bench/figures.md): these processes live seconds, so no tiering work pays back.
    /// </summary>
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.ToolAssembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_TC_CallCountThreshold"] = "1000";
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        return start;
    }
}
