using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CrewPass.Conformance.Reporting;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// A slow or flaky network is not non-conformance, and runs that share a sandbox get the verdicts they would alone.
/// Both judge the checks, not how they are run: their runs go through the warm runner (SuiteRun.RunInOneProcessAsync).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class RobustnessTests
{
    [Test]
    public async Task Latency_and_resets_give_no_conformance_failure()
    {
        var run = await SuiteRun.RunInOneProcessAsync("trouble", new Dictionary<string, string> { ["CREWPASS_EMBEDDED_TROUBLE"] = "latency=200,resets=0.05,slow=0.02" });
        run.Passed.Should().HaveCountGreaterThan(200, run.Describe());
        var verdicts = run.Verdicts.Where(v => v.Target.Length > 0 && !v.Clause.StartsWith("CLIENT-", StringComparison.Ordinal)).ToArray();
        verdicts.Where(v => v.Outcome is Outcome.Failed or Outcome.Warning or Outcome.HarnessError).Select(v => $"{v.Name}: {v.Outcome}: {v.Message}")
            .Should().BeEmpty("network trouble must never read as non-conformance");
        verdicts.Count(v => v.Outcome == Outcome.TransportError)
            .Should().Be(run.Failed.Count(), "every test that failed is a transport error");
        verdicts.Where(v => v.Outcome == Outcome.TransportError && !v.Message.Contains("https://127.0.0.1"))
            .Should().BeEmpty("whatever could not be completed is reported as a transport error with its request");
        // Read in CI's output beside real failures: says first that nothing here is non-conformance, then why the run exits non-zero.
        var exit = run.Failed.Any() ? $"the run exits {run.ExitCode}, as the gate does when checks could not complete" : $"the run exits {run.ExitCode}";
        TestContext.Out.WriteLine($"under latency 200 ms, 5% resets, 2% slow answers: no conformance failure; {run.Passed.Count()} passed, " +
            $"{run.Failed.Count()} transport errors (writes are never retried), reported apart from the verdicts; {exit}; {run.Elapsed.TotalSeconds:0.0} s");
    }

    [Test]
    public async Task Eight_runs_at_once_against_one_standalone_sandbox_all_get_correct_verdicts()
    {
        const int runs = 8;
        using var sandbox = StartSandbox(new Dictionary<string, string>(), "--partners", runs.ToString());
        try
        {
            var sets = await ReadExportsAsync(sandbox, runs);
            var all = await Task.WhenAll(sets.Select((set, i) =>
            {
                set["CREWPASS_ALLOW_RATE_LIMIT_EXHAUSTION"] = "true";
                return SuiteRun.RunInOneProcessAsync($"sandbox-{i + 1}", set);
            }));
            foreach (var run in all)
            {
                run.Failed.Select(o => $"{o.Name}: {o.Message}").Should().BeEmpty(run.Describe());
                run.Verdicts.Where(v => v.Target == "deployment" && v.Outcome != Outcome.Passed)
                    .Should().OnlyContain(v => v.Outcome == Outcome.NotApplicable && (v.Clause.StartsWith("SIG-") || v.Clause == "HTTP-01"), run.Describe());
                run.Passed.Should().HaveCountGreaterThan(200);
            }
        }
        finally
        {
            sandbox.Kill(entireProcessTree: true);
        }
    }

    /// <summary>
    /// The reference is what its options say: ASP.NET Core settings in the environment it runs in (a developer's or a CI
    /// machine's own Kestrel endpoint) configure nothing of it. Before, each instance also bound such an endpoint: a
    /// run's second instance then failed to start, and 78 checks of a default run failed.
    /// </summary>
    [Test]
    public async Task A_sandbox_ignores_ASP_NET_Core_settings_in_its_environment()
    {
        var ambient = Loopback.UnusedPort();
        using var sandbox = StartSandbox(new Dictionary<string, string> { ["Kestrel__Endpoints__Ambient__Url"] = $"http://127.0.0.1:{ambient}" });
        try
        {
            var settings = (await ReadExportsAsync(sandbox, 1)).Single();
            var run = await SuiteRun.RunInOneProcessAsync("ambient-settings", settings, SuiteRun.Clauses("AUTH-02", "KEY-06"));
            run.Failed.Select(o => $"{o.Name}: {o.Message}").Should().BeEmpty(run.Describe());
            run.Passed.Should().NotBeEmpty(run.Describe());
            using var probe = new TcpClient();
            var connect = async () => await probe.ConnectAsync(IPAddress.Loopback, ambient);
            await connect
                .Should().ThrowAsync<SocketException>("the sandbox listens where its options say, not on the environment's endpoint");
        }
        finally
        {
            sandbox.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The standalone sandbox with these options, its CA written to a scratch file, in this environment (added to the test's).</summary>
    private static Process StartSandbox(IReadOnlyDictionary<string, string> environment, params string[] options)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Repository.ReferenceAssembly, "--ca-out", Scratch.NewFile("sandbox-ca.pem"), .. options]) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>The export lines the sandbox prints, one block per partner set, as a partner would paste them.</summary>
    private static async Task<List<Dictionary<string, string>>> ReadExportsAsync(Process sandbox, int expected)
    {
        var sets = new List<Dictionary<string, string>>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await sandbox.StandardOutput.ReadLineAsync(timeout.Token) is { } line && !line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
        {
            // One block per partner set; a sandbox of one set introduces its one block so.
            if (line.StartsWith("# partner set", StringComparison.Ordinal) || line == "Point the harness at it with:") sets.Add([]);
            else if (line.StartsWith("export CREWPASS_", StringComparison.Ordinal))
            {
                var (name, value) = (line["export ".Length..].Split('=', 2)[0], line.Split('=', 2)[1]);
                sets[^1][name] = value;
            }
        }
        sets.Should().HaveCount(expected, "the sandbox prints one block of exports per partner set");
        return sets;
    }
}
