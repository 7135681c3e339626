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
        await using var deployment = await Deployment.StartAsync();
        var run = await SuiteRun.RunAsync("external", deployment.Settings);
        run.Failed.Should().BeEmpty(run.Describe());
        run.Skipped.Should().OnlyContain(o => o.Clause.StartsWith("SIG-") && o.Message.StartsWith("not applicable: WriteSurface is disabled"),
            "a deployment of this release serves no writes, so only the enabled surface's clauses are ruled out");
        run.Outcomes.Select(o => o.Target).Distinct().Should().BeEquivalentTo([new Uri(deployment.Host.BaseUrl).Authority, ""]);
    }

    [Test]
    public async Task A_deployment_that_ships_the_write_surface_is_checked_by_SIG_and_WRITE_01_is_not_applicable()
    {
        await using var deployment = await Deployment.StartAsync(new CrewPass.Reference.ReferenceOptions { WriteSurface = CrewPass.Reference.WriteSurface.Enabled });
        var run = await SuiteRun.RunAsync("external-v2", deployment.Settings);
        run.Failed.Should().BeEmpty(run.Describe());
        run.Outcomes.Where(o => o.Clause.StartsWith("SIG-")).Should().OnlyContain(o => o.Outcome == "Passed");
        run.Skipped.Should().NotBeEmpty().And.OnlyContain(o => o.Clause == "WRITE-01" && o.Message.StartsWith("not applicable: WriteSurface is enabled"));
    }

    /// <summary>README's command for a real deployment, exactly: the staging template, with the URL and keys from the environment.</summary>
    [Test]
    public async Task The_staging_template_runs_against_a_deployment_named_by_environment_variables()
    {
        await using var deployment = await Deployment.StartAsync();
        var run = await SuiteRun.RunAsync("staging-template", deployment.Settings, "--settings", Repository.Path("runsettings", "staging.runsettings"));
        run.Output.Should().NotContain("does not conform to required format");
        run.Failed.Should().BeEmpty(run.Describe());
        run.Passed.Should().HaveCountGreaterThan(150, run.Describe());
        run.ExitCode.Should().Be(0, run.Output);
    }
}
