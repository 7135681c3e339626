using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CrewPass.Conformance.Browser;
using CrewPass.Conformance.Schemas;
using CrewPass.Reference;
using CrewPass.Conformance.Reporting;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>The JSON report, the HTML page a person reads, and the certificate a partner hands over.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ReportTests
{
    /// <summary>The reference standing in for a deployment nobody here wrote: it does not name itself (in-process only).</summary>
    private static readonly Lazy<Task<SuiteRunResult>> CleanRun = new(async () =>
    {
        await using var target = await Deployment.StartAsync(new ReferenceOptions { IdentifiesItself = false });
        return await SuiteRun.RunInOneProcessAsync("certify-clean", target.With(("CREWPASS_CERTIFY", "true"), ("CREWPASS_STRICT", "true")));
    });

    private static readonly Lazy<Task<SuiteRunResult>> FailingRun = new(async () =>
    {
        await using var target = await Deployment.StartAsync(Fault.MissingWwwAuthenticate);
        return await SuiteRun.RunInOneProcessAsync("certify-faulted", target.With(("CREWPASS_CERTIFY", "true"), ("CREWPASS_STRICT", "true"), ("CREWPASS_FAIL_ON", "should")));
    });

    private static string ReportOf(SuiteRunResult run, string file) => Path.Combine(run.ResultsDirectory, file);

    /// <summary>What the certification service prints a certificate from: the stored report, read back whole.</summary>
    [Test]
    public async Task A_written_report_reads_back_to_the_same_JSON()
    {
        foreach (var run in new[] { await CleanRun.Value, await FailingRun.Value })
        {
            var json = await File.ReadAllTextAsync(ReportOf(run, "conformance-report.json"));
            ReportWriter.ToJson(ReportWriter.FromJson(json)).Should().Be(json);
        }
    }

    [Test]
    public async Task The_JSON_report_matches_its_schema_and_holds_no_full_key()
    {
        foreach (var run in new[] { await CleanRun.Value, await FailingRun.Value })
        {
            var json = await File.ReadAllTextAsync(ReportOf(run, "conformance-report.json"));
            new SchemaCatalogue(Repository.Path("schemas")).Violations("report.schema.json", json).Should().BeEmpty();
            var report = JsonNode.Parse(json)!;
            report["harness"]!["version"]!.ToString().Should().MatchRegex(@"^\d+\.\d+\.\d+");
            report["targets"]![0]!["credentials"]!.AsObject().Should().ContainKey("LiveKey");
            report["requests"]!["total"]!.GetValue<int>().Should().BeGreaterThan(100);
        }
    }

    [TestCase(new[] { Outcome.TransportError, Outcome.TransportError }, Outcome.TransportError)]
    [TestCase(new[] { Outcome.Passed, Outcome.TransportError }, Outcome.TransportError)]
    [TestCase(new[] { Outcome.Inconclusive, Outcome.Inconclusive }, Outcome.Inconclusive)]
    [TestCase(new[] { Outcome.Passed, Outcome.Inconclusive }, Outcome.Inconclusive)]
    [TestCase(new[] { Outcome.Passed, Outcome.NotApplicable }, Outcome.Passed)]
    [TestCase(new[] { Outcome.NotApplicable }, Outcome.NotApplicable)]
    [TestCase(new Outcome[0], Outcome.NoChecksRan)]
    [TestCase(new[] { Outcome.Passed, Outcome.Failed, Outcome.TransportError }, Outcome.Failed)]
    [TestCase(new[] { Outcome.Skipped, Outcome.Warning, Outcome.KnownDeviation }, Outcome.Warning)]
    public void A_clause_whose_checks_proved_nothing_is_never_passed(Outcome[] outcomes, Outcome status) =>
        ClauseStatus.Of(outcomes).Should().Be(status);

    /// <summary>The report spells each outcome as its schema does, and reads it back as the same type.</summary>
    [Test]
    public void Every_outcome_round_trips_through_its_report_name()
    {
        foreach (var outcome in Enum.GetValues<Outcome>())
            System.Text.Json.JsonSerializer.Deserialize<Outcome>($"\"{outcome.ReportName()}\"").Should().Be(outcome);
        Outcome.NotApplicable.ReportName().Should().Be("not applicable");
    }

    [Test]
    public void A_report_that_breaks_the_schema_fails_it()
    {
        var broken = """{"harness": {"name": "x", "version": "1"}, "startedAt": "2026-01-01T00:00:00Z", "finishedAt": "2026-01-01T00:00:00Z", "requests": {"total": 1, "perClause": {}, "waitedSeconds": 0}, "gate": {"verdict": "green", "failOn": "must", "strict": false, "reasons": []}, "problems": [], "targets": [], "notCovered": []}""";
        new SchemaCatalogue(Repository.Path("schemas")).Violations("report.schema.json", broken).Should().NotBeEmpty();
        var leaked = JsonNode.Parse(broken.Replace("green", "passed"))!;
        leaked["targets"] = new JsonArray(new JsonObject
        {
            ["name"] = "t",
            ["baseUrl"] = "u",
            ["keyModes"] = new JsonObject(),
            ["profile"] = new JsonObject(),
            ["counts"] = new JsonObject(),
            ["clauses"] = new JsonArray(),
            ["credentials"] = new JsonObject { ["LiveKey"] = "cpk_live_AAAAbbbbCCCCddddEEEEffff" },
        });
        new SchemaCatalogue(Repository.Path("schemas")).Violations("report.schema.json", leaked.ToJsonString()).Should().NotBeEmpty("credentials must be masked");
    }

    [Test]
    public async Task The_HTML_report_shows_the_JSON_counts_and_filters_to_failures()
    {
        var chromium = Chromium.Find(Environment.GetEnvironmentVariable("CREWPASS_CHROMIUM"));
        if (chromium is null) Assert.Ignore($"needs Chromium: {Chromium.InstallHint}");
        var run = await FailingRun.Value;
        var json = JsonNode.Parse(await File.ReadAllTextAsync(ReportOf(run, "conformance-report.json")))!;
        await using var launched = await Chromium.LaunchAsync(chromium);
        var page = await launched.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1200 } });
        await page.GotoAsync(new Uri(ReportOf(run, "conformance-report.html")).AbsoluteUri);
        foreach (var level in new[] { "MUST", "SHOULD" })
            foreach (var outcome in ClauseStatus.CheckOutcomes.Select(o => o.ReportName()))
            {
                var shown = await page.Locator($"[data-count='{level}:{outcome}']").InnerTextAsync();
                var counted = json["targets"]!.AsArray().Sum(t => t!["counts"]![level]![outcome]!.GetValue<int>());
                int.Parse(shown).Should().Be(counted, $"{level} {outcome}");
            }
        (await page.Locator("#verdict").InnerTextAsync()).Should().Be("FAILED");

        var rows = page.Locator("tr.clause");
        var failing = page.Locator("tr.clause.row-failed, tr.clause.row-warning");
        (await failing.CountAsync()).Should().BeGreaterThan(0);
        await page.Locator("#only-failures").CheckAsync();
        var visible = await rows.EvaluateAllAsync<string[]>("rows => rows.filter(r => r.offsetParent !== null).map(r => r.dataset.clause)");
        visible.Should().Equal("KEY-03");
        await page.ScreenshotAsync(new() { Path = ReportOf(run, "conformance-report-failures.png"), FullPage = true });
        File.Exists(ReportOf(run, "conformance-report-failures.png")).Should().BeTrue();
    }

    [Test]
    public async Task A_clean_strict_run_writes_a_certificate_bound_to_its_report()
    {
        if (Chromium.Find(Environment.GetEnvironmentVariable("CREWPASS_CHROMIUM")) is null) Assert.Ignore($"needs Chromium: {Chromium.InstallHint}");
        var run = await CleanRun.Value;
        run.Failed.Should().BeEmpty(run.Describe());
        // The CLIENT checks judge a client; a deployment run names none, so they skip and never block its certificate.
        run.Verdicts.Where(v => !v.Clause.StartsWith("CLIENT-") && v.Outcome != Outcome.Passed)
            .Should().OnlyContain(v => v.Outcome == Outcome.NotApplicable, "not applicable never blocks a certificate");
        var pdf = ReportOf(run, "conformance-certificate.pdf");
        File.Exists(pdf).Should().BeTrue(run.Output);
        (await File.ReadAllBytesAsync(pdf)).Take(5).Should().Equal("%PDF-"u8.ToArray());
        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(ReportOf(run, "conformance-report.json"))));
        run.Output.Should().Contain($"SHA-256 {sha}");
    }

    [Test]
    public async Task A_run_with_a_fault_writes_no_certificate_and_names_the_clause()
    {
        var run = await FailingRun.Value;
        File.Exists(ReportOf(run, "conformance-certificate.pdf")).Should().BeFalse();
        run.Output.Should().Contain("no certificate").And.Contain("KEY-03 (SHOULD)");
        run.ExitCode.Should().NotBe(0);
    }

    /// <summary>A report says what it was earned under: the profile by its SHA-256, and every setting changed from its default.</summary>
    [Test]
    public async Task The_report_names_the_profile_by_its_SHA_256_and_every_changed_setting()
    {
        var profile = Scratch.NewFile("profile.json");
        await File.WriteAllTextAsync(profile, """{"SkewMargin": 7}""");
        var run = await SuiteRun.RunInOneProcessAsync("profile-named", new Dictionary<string, string> { ["CREWPASS_PROFILE"] = profile }, SuiteRun.Clauses("KEY-06"));
        var target = JsonNode.Parse(await File.ReadAllTextAsync(ReportOf(run, "conformance-report.json")))!["targets"]![0]!;
        target["profileSha256"]!.ToString().Should().Be(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(profile))));
        target["changedSettings"]!["SkewMargin"]!.ToString().Should().Be("7 (profile)");
        target["changedSettings"]!.AsObject().Select(p => p.Key).Should().NotContain(["LiveKey", "TestKey", "SigningSecret"], "secrets are never listed");
    }

    /// <summary>The reference started as a sandbox, at an https address like any deployment's: still never certified.</summary>
    [Test]
    public async Task The_reference_at_any_address_is_never_certified()
    {
        await using var target = await Deployment.StartAsync();
        var run = await SuiteRun.RunInOneProcessAsync("certify-reference", target.With(("CREWPASS_CERTIFY", "true"), ("CREWPASS_STRICT", "true")), SuiteRun.Clauses("KEY-06"));
        File.Exists(ReportOf(run, "conformance-certificate.pdf")).Should().BeFalse();
        run.Output.Should().Contain("no certificate").And.Contain(PreflightFacts.ReferenceHeader);
    }

    [Test]
    public async Task The_embedded_reference_is_never_certified()
    {
        var run = await SuiteRun.RunInOneProcessAsync("certify-embedded", new Dictionary<string, string> { ["CREWPASS_CERTIFY"] = "true", ["CREWPASS_STRICT"] = "true" },
            SuiteRun.Clauses("KEY-06"));
        File.Exists(ReportOf(run, "conformance-certificate.pdf")).Should().BeFalse();
        run.Output.Should().Contain("no certificate").And.Contain("CREWPASS_BASE_URL");
    }

    [Test]
    public async Task A_filtered_strict_run_is_never_certified_and_fails_for_its_unchecked_MUST_clauses()
    {
        await using var target = await Deployment.StartAsync();
        var run = await SuiteRun.RunInOneProcessAsync("certify-filtered", target.With(("CREWPASS_CERTIFY", "true"), ("CREWPASS_STRICT", "true")), SuiteRun.Clauses("KEY-06"));
        run.Passed.Should().NotBeEmpty(run.Describe());
        File.Exists(ReportOf(run, "conformance-certificate.pdf")).Should().BeFalse();
        run.Output.Should().Contain("no certificate").And.Contain("did not run (a filter?)");
        var report = JsonNode.Parse(await File.ReadAllTextAsync(ReportOf(run, "conformance-report.json")))!;
        report["gate"]!["verdict"]!.ToString().Should().Be("failed");
        report["gate"]!["reasons"]!.AsArray().Select(r => r!.ToString()).Should().Contain(r => r.StartsWith("AUTH-01 MUST on deployment: no check ran"));
        run.Output.Should().Contain("Strict: no check ran for the MUST clauses AUTH-01");
        run.ExitCode.Should().NotBe(0, "a strict run fails when a MUST clause had no check");
    }

    [Test]
    public async Task A_filtered_run_flags_its_unchecked_MUST_clauses_in_the_report()
    {
        await using var target = await Deployment.StartAsync();
        var run = await SuiteRun.RunInOneProcessAsync("filtered-flagged", target.Settings, SuiteRun.Clauses("KEY-06"));
        var report = JsonNode.Parse(await File.ReadAllTextAsync(ReportOf(run, "conformance-report.json")))!;
        report["problems"]!.AsArray().Select(r => r!.ToString()).Should().Contain(r => r.StartsWith("KEY-01 MUST on deployment: no check ran"));
        run.Output.Should().Contain("gate: KEY-01 MUST on deployment: no check ran");
    }
}
