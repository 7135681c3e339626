using CrewPass.Reference;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>No file a run writes, and nothing it prints, holds a full key or secret: not when it passes, not when it fails.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RedactionTests
{
    [TestCase(null, TestName = "a passing run")]
    [TestCase(Fault.KeyEchoedInError, TestName = "a failing run whose target echoes keys")]
    [TestCase(Fault.KeyComparedByPrefix, TestName = "a failing run whose target accepts near-keys")]
    public async Task No_output_of_a_run_holds_a_key_or_secret(Fault? fault)
    {
        // The passing run is the staging template's (SuiteRunTests): a whole run through dotnet test, judged by three tests.
        await using var faulty = fault is null ? null : await Deployment.StartAsync(fault.Value);
        var (deployment, run) = faulty is null
            ? await SuiteRunTests.StagingTemplateRun.Value
            : (faulty, await SuiteRun.RunAsync("redaction", faulty.With(("CREWPASS_FAIL_ON", "should"))));
        if (fault is not null) run.Failed.Should().NotBeEmpty("the scan must cover a failing run, where evidence is richest");

        var c = deployment.Host.Credentials;
        string[] secrets = [c.LiveKey, c.TestKey, c.WidgetKey, c.RevokedKey, c.RestrictedKey, c.OtherPartnerKey, c.RateLimitKey, c.SigningSecret, c.OtherSigningSecret];
        var files = Directory.EnumerateFiles(run.ResultsDirectory, "*", SearchOption.AllDirectories).ToArray();
        files.Should().Contain(f => f.EndsWith(".trx")).And.Contain(f => f.EndsWith("junit.xml")).And.Contain(f => f.EndsWith("console.log"))
            .And.Contain(f => f.EndsWith("conformance-report.json")).And.Contain(f => f.EndsWith("conformance-report.html"));
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            foreach (var secret in secrets)
            {
                var body = secret[(secret.LastIndexOf('_') + 1)..];
                text.Should().NotContainEquivalentOf(body, $"{Path.GetFileName(file)} must not hold a key or secret");
            }
        }
    }
}
