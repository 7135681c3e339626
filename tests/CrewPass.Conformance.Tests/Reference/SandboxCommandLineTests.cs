using System.Diagnostics;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>The standalone sandbox's command line: --help works, and a bad option is one line naming it, exit 2.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class SandboxCommandLineTests
{
    private static async Task<(int Exit, string Out, string Error)> SandboxAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.ReferenceAssembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var (output, error) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Test]
    public async Task Help_lists_every_option()
    {
        var (exit, output, _) = await SandboxAsync("--help");
        exit.Should().Be(0);
        output.Should().Contain("--port").And.Contain("--fault").And.Contain("--choice").And.Contain("--write-surface").And.Contain("--certify-client").And.Contain("--record");
    }

    [TestCase(new[] { "--port" }, "--port")]
    [TestCase(new[] { "--port", "70000" }, "--port")]
    [TestCase(new[] { "--fault", "no-such-fault" }, "no-such-fault")]
    [TestCase(new[] { "--trouble", "latency" }, "--trouble")]
    [TestCase(new[] { "--frobnicate" }, "--frobnicate")]
    [TestCase(new[] { "--certify-client" }, "--record")]
    public async Task A_bad_option_is_one_line_naming_it_and_exit_2(string[] arguments, string named)
    {
        var (exit, output, error) = await SandboxAsync(arguments);
        exit.Should().Be(2, output + error);
        error.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(named).And.Contain("--help");
        output.Should().BeEmpty("nothing is served");
    }
}
