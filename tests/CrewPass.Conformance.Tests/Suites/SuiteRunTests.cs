using System.Text.RegularExpressions;
using CrewPass.Conformance.Browser;
using CrewPass.Conformance.Reporting;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>Whole runs of the suites: against the embedded reference, and against a deployment named only by CREWPASS_* variables.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class SuiteRunTests
{
    [Test]
    public async Task Against_the_embedded_reference_everything_passes_and_nothing_is_skipped()
    {
        var run = await SuiteRun.RunAsync("embedded", new Dictionary<string, string>());
        run.Failed.Should().BeEmpty(run.Describe());
        run.SkippedDeploymentChecks.Should().BeEmpty(run.Describe());
        run.Passed.Should().HaveCountGreaterThan(150);
        run.ExitCode.Should().Be(0);
        run.Output.Should().MatchRegex(@"CrewPass.Conformance: \d+ HTTP requests sent");
        run.Output.Should().Contain("CrewPass.Conformance: Chromium for WEB-01 started in ", "a run with WEB-01 checks starts the browser, once");
    }

    /// <summary>
    /// README's command for a real deployment, exactly: the staging template, with the URL and keys from the environment.
    /// Three tests judge this one run (what it checks, that it passes, that nothing it writes holds a key): a run through
    /// dotnet test is dear. Its deployment lives as long as the harness: the tests read its keys.
    /// </summary>
    public static readonly Lazy<Task<(Deployment Deployment, SuiteRunResult Run)>> StagingTemplateRun = new(async () =>
    {
        var deployment = await Deployment.StartAsync();
        return (deployment, await SuiteRun.RunAsync("staging-template", deployment.Settings, "--settings", Repository.Path("runsettings", "staging.runsettings")));
    });

    [Test]
    public async Task A_deployment_named_by_environment_variables_is_checked_with_every_key()
    {
        var (deployment, run) = await StagingTemplateRun.Value;
        run.Failed.Should().BeEmpty(run.Describe());
        run.Verdicts.Where(v => v.Target == "deployment" && v.Outcome != Outcome.Passed)
            .Should().OnlyContain(v => (v.Clause.StartsWith("SIG-") || v.Clause == "HTTP-01") && v.Outcome == Outcome.NotApplicable,
                "a deployment of this release serves no writes, so only the enabled surface's clauses are ruled out");
        // Named "deployment" whatever its host: test ids stay the same across environments.
        run.Outcomes.Select(o => o.Target).Distinct().Should().BeEquivalentTo(["deployment", "client", ""]);
        run.Output.Should().NotContain($"({new Uri(deployment.Host.BaseUrl).Authority})");
    }

    [Test]
    public async Task A_deployment_that_ships_the_write_surface_is_checked_by_SIG_and_WRITE_01_is_not_applicable()
    {
        await using var deployment = await Deployment.StartAsync(new CrewPass.Reference.ReferenceOptions { WriteSurface = CrewPass.Reference.WriteSurface.Enabled });
        var run = await SuiteRun.RunInOneProcessAsync("external-v2", deployment.Settings);
        run.Failed.Should().BeEmpty(run.Describe());
        run.Outcomes.Where(o => o.Clause.StartsWith("SIG-")).Should().OnlyContain(o => o.Outcome == TrxOutcome.Passed);
        run.Verdicts.Where(v => v.Target == "deployment" && v.Outcome != Outcome.Passed)
            .Should().NotBeEmpty().And.OnlyContain(v => v.Clause == "WRITE-01" && v.Outcome == Outcome.NotApplicable);
    }

    /// <summary>Listing the tests starts no server and sends no request: a target that does not exist lists like any other.</summary>
    [Test]
    public async Task Listing_the_tests_has_no_side_effects_and_names_no_host()
    {
        var unreachable = new Dictionary<string, string>
        {
            ["CREWPASS_BASE_URL"] = "https://conformance-listing.invalid",
            ["CREWPASS_LIVE_KEY"] = "cpk_live_" + new string('a', 24),
            ["CREWPASS_TEST_KEY"] = "cpk_test_" + new string('a', 24),
        };
        var listed = await SuiteRun.ListAsync(unreachable);
        listed.ExitCode.Should().Be(0, listed.Output);
        listed.Output.Should().Contain("KEY_01_Every_invalid_credential_gets_invalid_api_key").And.NotContain("conformance-listing.invalid");
        listed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "nothing is started or probed");
        var embedded = await SuiteRun.ListAsync(new Dictionary<string, string>());
        embedded.Output.Should().NotContain("HTTP requests sent").And.NotContain("127.0.0.1");
    }

    /// <summary>README's command for a real deployment, exactly: the staging template, with the URL and keys from the environment.</summary>
    [Test]
    public async Task The_staging_template_runs_against_a_deployment_named_by_environment_variables()
    {
        var (_, run) = await StagingTemplateRun.Value;
        run.Output.Should().NotContain("does not conform to required format");
        run.Failed.Should().BeEmpty(run.Describe());
        run.Passed.Should().HaveCountGreaterThan(150, run.Describe());
        run.ExitCode.Should().Be(0, run.Output);
    }

    /// <summary>A deployment's own reads, declared by its profile, one of them a single object: every check runs on them, DATA too.</summary>
    [Test]
    public async Task A_profile_declared_single_object_read_is_judged_as_one_object()
    {
        await using var deployment = await Deployment.StartAsync(new CrewPass.Reference.ReferenceOptions { ExtraReads = true });
        var run = await SuiteRun.RunInOneProcessAsync("extra-reads", deployment.With(("CREWPASS_PROFILE", Repository.Path("fixtures", "profiles", "extra-reads.json"))));
        run.Failed.Should().BeEmpty(run.Describe());
        run.Passed.Where(o => o.Clause.StartsWith("DATA-") && Regex.IsMatch(o.Name, @"GET /api/v2/employers/me[,)]")).Should().HaveCount(4, "DATA-01 twice, DATA-02 and DATA-03 on the object read");
        run.Passed.Where(o => o.Name.Contains("/api/v2/employers/me/crew")).Should().HaveCountGreaterThan(50);
    }

    /// <summary>Tampering changes one byte whatever the profile's body says: a body without any given word is still tampered.</summary>
    [Test]
    public async Task Tampering_works_on_any_signing_body()
    {
        const string operations = """[{"name": "crew-placement", "method": "POST", "path": "/api/v2/crew-placements", "body": "{\"vessel_id\":\"ves_1\",\"crew_member_id\":\"crm_2\",\"starts_on\":\"2027-01-01\"}"}, {"name": "vessel-attach", "method": "POST", "path": "/api/v2/employers/me/vessels/attach", "body": "{\"imo_number\":\"9074729\",\"name\":\"Probe\"}"}, {"name": "background-check", "method": "POST", "path": "/api/v2/background-checks", "body": "{\"crew_member_id\":\"crm_2\",\"check_type\":\"sanctions\"}"}]""";
        var run = await SuiteRun.RunInOneProcessAsync("tamper-any-body", new Dictionary<string, string> { ["CREWPASS_WRITE_OPERATIONS"] = operations },
            SuiteRun.Clauses("SIG-04", "SIG-05", "SIG-07"));
        run.Failed.Should().BeEmpty(run.Describe());
        run.Passed.Should().HaveCountGreaterThan(10);
    }

    /// <summary>ME-03's refusal half needs a RestrictedKey that lacks a scope: one that lacks nothing is a skip naming it, never a pass.</summary>
    [Test]
    public async Task A_RestrictedKey_that_lacks_no_scope_is_a_skip_naming_it()
    {
        await using var deployment = await Deployment.StartAsync();
        var run = await SuiteRun.RunInOneProcessAsync("restricted-lacks-nothing",
            deployment.With(("CREWPASS_RESTRICTED_KEY", deployment.Host.Credentials.OtherPartnerKey)), SuiteRun.Clauses("ME-03"));
        run.Failed.Should().BeEmpty(run.Describe());
        run.Verdicts.Where(v => v.Outcome == Outcome.Skipped).Should().ContainSingle(v => v.Name == "ME_03_RestrictedKey_lacks_a_catalogued_scope")
            .Which.Needs.Should().Be("RestrictedKey");
    }

    /// <summary>GitHub's Ubuntu runners carry google-chrome, not chromium: WEB-01 finds it on PATH and runs.</summary>
    [Test]
    public async Task WEB_01_runs_with_only_google_chrome_on_PATH()
    {
        const string binary = "/usr/lib/chromium/chromium";
        if (!File.Exists(binary)) Assert.Ignore($"needs Debian's Chromium binary at {binary} to stand in for google-chrome");
        var bin = Scratch.NewFolder("path");
        File.CreateSymbolicLink(Path.Combine(bin, "google-chrome"), binary);
        var dotnet = Path.GetDirectoryName(Environment.ProcessPath)!;
        var run = await SuiteRun.RunAsync("google-chrome-only", new Dictionary<string, string> { ["PATH"] = $"{bin}{Path.PathSeparator}{dotnet}" },
            "--filter", "TestCategory=WEB-01");
        run.SkippedDeploymentChecks.Should().BeEmpty(run.Describe());
        run.Passed.Should().HaveCount(12, "both header forms, both endpoints, in the browser, and in the preflight from two origins");
    }

    /// <summary>Where both are on PATH, the headless shell is taken: what Playwright runs headless, lighter to start.</summary>
    [Test]
    public void The_headless_shell_is_taken_before_the_full_browser()
    {
        var bin = Scratch.NewFolder("path");
        foreach (var name in new[] { "google-chrome", "chromium", "chromium-headless-shell" }) File.WriteAllText(Path.Combine(bin, name), "");
        Chromium.Find(null, bin).Should().Be(Path.Combine(bin, "chromium-headless-shell"));
        File.Delete(Path.Combine(bin, "chromium-headless-shell"));
        Chromium.Find(null, bin).Should().Be(Path.Combine(bin, "chromium"));
    }

    /// <summary>The reference at scale (issue 13's benchmark): its further reads are declared like a profile's and judged like the catalogue's.</summary>
    [Test]
    public async Task The_reference_at_scale_passes_with_its_further_reads_declared()
    {
        var run = await SuiteRun.RunInOneProcessAsync("scale", new Dictionary<string, string> { ["CREWPASS_EMBEDDED_EXTRA_ENDPOINTS"] = "4" }, SuiteRun.DeploymentChecks);
        run.Failed.Should().BeEmpty(run.Describe());
        run.SkippedDeploymentChecks.Should().BeEmpty(run.Describe());
        foreach (var clause in new[] { "AUTH-01", "KEY-01", "DATA-01", "RATE-01", "WRITE-02", "HTTP-01" })
            run.Passed.Where(o => o.Clause == clause && o.Name.Contains("/api/v2/scale/")).Should().NotBeEmpty($"{clause} judges the further reads too");
        run.Output.Should().Contain("valid-key requests on the disabled reference: partner under test");
    }

    /// <summary>Concurrency comes from the target's capacity: MaxInFlight bounds what is on the wire to each target, and the report says what the run used.</summary>
    [Test]
    public async Task MaxInFlight_bounds_the_requests_on_the_wire_and_the_report_says_how_many()
    {
        var run = await SuiteRun.RunInOneProcessAsync("in-flight", new Dictionary<string, string> { ["CREWPASS_MAX_IN_FLIGHT"] = "1" }, SuiteRun.Clauses("KEY-01"));
        run.Failed.Should().BeEmpty(run.Describe());
        var requests = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(run.ResultsDirectory, "conformance-report.json")))!["requests"]!;
        requests["maxInFlight"]!.GetValue<int>().Should().Be(1);
        requests["peakInFlight"]!.GetValue<int>().Should().BeInRange(1, 2, "one request at a time to each of the embedded target's two instances");
        run.Output.Should().Contain("at once (MaxInFlight 1 per target)");
    }

    /// <summary>
    /// The warm runner (SuiteRun.RunInOneProcessAsync) judges what dotnet test judges: the same checks with the
    /// same outcomes and messages, passed, failed, inconclusive and skipped alike, so the matrices and robustness runs
    /// that go through it are read as the TRX would read them.
    /// </summary>
    [Test]
    public async Task The_one_process_runner_reports_every_outcome_as_dotnet_test_does()
    {
        // A failure (test-view-reuses-live-ids, DATA-02), reads refused (bearer-ignored-on-vessel-list: DATA-02 and
        // DATA-03 inconclusive), a skip naming its setting (global-budget-across-partners, RATE-06), the rest passing.
        var settings = new Dictionary<string, string>
        {
            ["CREWPASS_EMBEDDED_FAULTS"] = "test-view-reuses-live-ids,bearer-ignored-on-vessel-list,global-budget-across-partners",
            ["CREWPASS_FAIL_ON"] = "should",
            ["CREWPASS_FUZZ_SEED"] = "1",
        };
        var runs = await Task.WhenAll(
            SuiteRun.RunAsync("parity-dotnet-test", settings, "--filter", "TestCategory=DATA-02|TestCategory=DATA-03|TestCategory=RATE-06"),
            SuiteRun.RunInOneProcessAsync("parity-one-process", settings, SuiteRun.Clauses("DATA-02", "DATA-03", "RATE-06")));
        var (dotnetTest, oneProcess) = (runs[0], runs[1]);
        dotnetTest.Outcomes.Select(o => o.Outcome).Distinct().Should().BeEquivalentTo([TrxOutcome.Passed, TrxOutcome.Failed, TrxOutcome.NotExecuted], dotnetTest.Describe());
        dotnetTest.Verdicts.Select(v => v.Outcome).Should().Contain([Outcome.Failed, Outcome.Inconclusive, Outcome.Skipped]);
        // Each message's first line is its verdict (the evidence below it holds the run's own ports, keys and Date
        // headers); each run starts its own targets with their own keys, so ports and the keys' last four differ.
        static IEnumerable<CheckOutcome> Comparable(SuiteRunResult run) => run.Outcomes.Select(o => o with
        {
            Message = Regex.Replace(Regex.Replace(o.Message.Split('\n')[0], @"127\.0\.0\.1:\d+", "127.0.0.1:PORT"), "_…[A-Za-z0-9]{4}", "_…LAST"),
        });
        Comparable(oneProcess).Should().BeEquivalentTo(Comparable(dotnetTest), $"dotnet test: {dotnetTest.Describe()}; one process: {oneProcess.Describe()}");
        oneProcess.ExitCode.Should().Be(dotnetTest.ExitCode);
    }
}
