using CrewPass.Reference;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>The rate-limit suite in each header convention, and what it costs a target that forbids exhaustion.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RateLimitSuiteTests
{
    private static readonly string RateSuite = SuiteRun.Suite("RateLimitSuite");

    [TestCase("x-ratelimit")]
    [TestCase("ietf-draft")]
    [TestCase("ietf-structured")]
    public async Task RATE_01_to_RATE_06_pass_against_the_embedded_reference_in_each_convention(string convention)
    {
        var run = await SuiteRun.RunInOneProcessAsync($"rate-{convention}", new Dictionary<string, string> { ["CREWPASS_RATE_LIMIT_HEADERS"] = convention }, RateSuite);
        run.Outcomes.Select(o => o.Clause).Distinct().Should().Contain(["RATE-01", "RATE-02", "RATE-03", "RATE-04", "RATE-05", "RATE-06"]);
        run.Failed.Concat(run.SkippedDeploymentChecks).Should().BeEmpty(run.Describe());
    }

    [Test]
    public async Task Without_exhaustion_permission_no_key_spends_more_than_a_tenth_of_its_limit()
    {
        await using var target = await Deployment.StartAsync();
        var deployment = target.Host;
        var c = deployment.Credentials;
        var before = Spent(deployment);
        var settings = target.With();
        settings.Remove("CREWPASS_ALLOW_RATE_LIMIT_EXHAUSTION");
        var run = await SuiteRun.RunInOneProcessAsync("rate-economy", settings, RateSuite);
        run.Failed.Should().BeEmpty(run.Describe());
        run.SkippedDeploymentChecks.Should().OnlyContain(o => o.Clause == "RATE-05" || o.Clause == "RATE-06" || o.Name.StartsWith("HTTP_01_The_429_answer"),
            "only exhaustion (and the 429 it brings) needs the permission");

        // A tenth of each main key's budget; the dedicated rate-limit partner (limit 40) is read a little more: RATE-01
        // reads every key of the run in both forms on both endpoints (4) and RATE-02 counts three (7 of 40).
        var bounds = new Dictionary<string, int> { [c.LiveKey] = 500, [c.TestKey] = 500, [c.OtherPartnerKey] = 500, [c.RateLimitKey] = 7 };
        var spent = bounds.Keys.ToDictionary(k => k, k => deployment.RequestsWith(k) - before[k]);
        TestContext.Out.WriteLine($"requests per key in the rate-limit suite (preflight included): live {spent[c.LiveKey]}, test {spent[c.TestKey]}, other partner {spent[c.OtherPartnerKey]}, rate-limit key {spent[c.RateLimitKey]}");
        foreach (var (key, bound) in bounds) spent[key].Should().BeLessThanOrEqualTo(bound);
        spent[c.RateLimitKey].Should().BeGreaterThan(0, "RATE-02 spends the dedicated partner's budget");

        Dictionary<string, int> Spent(ReferenceHost host) => new[] { c.LiveKey, c.TestKey, c.OtherPartnerKey, c.RateLimitKey }.ToDictionary(k => k, host.RequestsWith);
    }

    /// <summary>The rate checks count the rate-limit partner's budget request by request: WRITE-01 (which once probed with that key) spends none of it.</summary>
    [Test]
    public async Task WRITE_01_spends_nothing_of_the_rate_limit_partners_budget()
    {
        await using var target = await Deployment.StartAsync();
        var key = target.Host.Credentials.RateLimitKey;
        var before = target.Host.RequestsWith(key);
        var run = await SuiteRun.RunInOneProcessAsync("write-01-budget", target.Settings, SuiteRun.Clauses("WRITE-01"));
        run.Failed.Should().BeEmpty(run.Describe());
        run.Passed.Should().HaveCount(6, "three operations, unsigned and signed");
        target.Host.RequestsWith(key).Should().Be(before, "WRITE-01 probes with the test key, as a v2 client of this partner would");
    }
}
