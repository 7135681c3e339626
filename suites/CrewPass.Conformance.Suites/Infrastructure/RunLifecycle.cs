using NUnit.Framework;

using CrewPass.Conformance.Suites.Infrastructure;

// In no namespace: a SetUpFixture covers its namespace, and this one covers the whole assembly.

/// <summary>Says what the run is aimed at when it starts, and what it spent and found when it ends.</summary>
[SetUpFixture]
public sealed class RunLifecycle
{
    [OneTimeSetUp]
    public void Announce()
    {
        var run = Run.Current;
        TestContext.Progress.WriteLine($"CrewPass.Conformance: targets {string.Join(", ", run.Targets.Select(t => $"{t.Name} ({t.Client.BaseUrl})"))}" +
                                       (run.Problems.Count > 0 ? $"; {run.Problems.Count} could not be checked" : ""));
        TestContext.Progress.WriteLine($"CrewPass.Conformance: generated malformed keys from FuzzSeed {run.FuzzSeed} (pin it with CREWPASS_FUZZ_SEED={run.FuzzSeed})");
    }

    [OneTimeTearDown]
    public async Task Summarise()
    {
        var summary = RunSummary.Write(Run.Current, Verdicts.Snapshot);
        TestContext.Progress.WriteLine(summary.Text);
        foreach (var target in Run.Current.Targets) target.Dispose();
        foreach (var host in Run.Current.EmbeddedHosts) await host.DisposeAsync();
    }
}
