using CrewPass.Reference;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>Whole runs of the suites: against the embedded reference, and against a deployment named only by CREWPASS_* variables.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class SuiteRunTests
{
    [Test]
    public async Task Against_the_embedded_reference_everything_passes_and_nothing_is_skipped()
    {
        var run = await SuiteRun.RunAsync("embedded", new Dictionary<string, string>());
        run.Failed.Should().BeEmpty(run.Describe());
        run.Skipped.Should().BeEmpty(run.Describe());
        run.Passed.Should().HaveCountGreaterThan(150);
        run.ExitCode.Should().Be(0);
        run.Output.Should().MatchRegex(@"CrewPass.Conformance: \d+ HTTP requests sent");
    }

    [Test]
    public async Task A_deployment_named_by_environment_variables_is_checked_with_every_key()
    {
        await using var deployment = await ReferenceHost.StartAsync(new ReferenceOptions());
        var ca = Path.Combine(Path.GetTempPath(), $"crewpass-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(ca, deployment.CaCertificatePem);
        var run = await SuiteRun.RunAsync("external", Exports(deployment, ca));
        run.Failed.Should().BeEmpty(run.Describe());
        run.Skipped.Should().OnlyContain(o => o.Clause.StartsWith("SIG-") && o.Message.StartsWith("not applicable: WriteSurface is disabled"),
            "a deployment of this release serves no writes, so only the enabled surface's clauses are ruled out");
        run.Outcomes.Select(o => o.Target).Distinct().Should().BeEquivalentTo([new Uri(deployment.BaseUrl).Authority, ""]);
    }

    /// <summary>The sandbox's own export lines, parsed: what a partner pastes into a shell.</summary>
    public static Dictionary<string, string> Exports(ReferenceHost deployment, string caPath) =>
        deployment.ExportLines(caPath).Select(line => line["export ".Length..].Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
