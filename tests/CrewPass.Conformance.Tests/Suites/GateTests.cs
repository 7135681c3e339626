using CrewPass.Reference;
using CrewPass.Conformance.Reporting;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>The release gate: exit codes per level and strictness, a filter that selects nothing, and known deviations.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class GateTests
{
    private static readonly string NextMonth = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd");
    private static readonly string LastMonth = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM-dd");

    private static async Task<string> DeviationsAsync(string clause, string? test, string expires)
    {
        var path = Scratch.NewFile("deviations.json");
        var testField = test is null ? "" : $", \"test\": \"{test}\"";
        await File.WriteAllTextAsync(path, $$"""{"deviations": [{"clause": "{{clause}}"{{testField}}, "reason": "fix scheduled for the next release", "expires": "{{expires}}"}]}""");
        return path;
    }

    /// <summary>A MUST clause with no verdict (no check ran, or its checks were inconclusive) is never "conformant".</summary>
    [Test]
    public async Task A_run_that_leaves_a_MUST_clause_without_a_verdict_is_never_conformant()
    {
        var run = await SuiteRun.RunInOneProcessAsync("gate-unanswered", new Dictionary<string, string>(), SuiteRun.Clauses("KEY-06"));
        run.Failed.Should().BeEmpty(run.Describe());
        using var report = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run.ResultsDirectory, "conformance-report.json")));
        var gate = report.RootElement.GetProperty("gate");
        gate.GetProperty("exitCode").GetInt32().Should().Be(Reporting.GateExitCodes.MustClauseUnanswered);
        gate.GetProperty("verdict").GetString().Should().Be("failed");
    }

    /// <summary>A client that sends nothing leaves every CLIENT MUST clause inconclusive: no failure, and still no verdict.</summary>
    [Test]
    public async Task Inconclusive_MUST_clauses_are_never_conformant()
    {
        var run = await SuiteRun.RunInOneProcessAsync("gate-inconclusive", new Dictionary<string, string> { ["CREWPASS_CLIENT_COMMAND"] = "true" }, SuiteRun.ClientChecks);
        run.Failed.Should().BeEmpty(run.Describe());
        run.Verdicts.Where(v => v.Outcome == Outcome.Inconclusive).Should().NotBeEmpty();
        using var report = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run.ResultsDirectory, "conformance-report.json")));
        var gate = report.RootElement.GetProperty("gate");
        gate.GetProperty("exitCode").GetInt32().Should().Be(Reporting.GateExitCodes.MustClauseUnanswered);
        gate.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).Should().Contain(r => r!.StartsWith("CLIENT-01 MUST on client: inconclusive"));
    }

    [Test]
    public async Task A_MUST_failure_fails_the_gate()
    {
        await using var target = await Deployment.StartAsync(Fault.TestKeyHasOwnPartnerId);
        var run = await SuiteRun.RunAsync("gate-must", target.Settings);
        run.Failed.Should().NotBeEmpty().And.OnlyContain(o => o.Clause == "KEY-06");
        run.ExitCode.Should().NotBe(0);
    }

    [Test]
    public async Task A_SHOULD_failure_is_a_warning_unless_FailOn_is_should()
    {
        await using var target = await Deployment.StartAsync(Fault.MissingWwwAuthenticate);
        var lenient = await SuiteRun.RunAsync("gate-should", target.Settings);
        lenient.Failed.Should().BeEmpty();
        lenient.ExitCode.Should().Be(0, "a SHOULD finding is a warning by default");
        lenient.Output.Should().Contain("KEY-03").And.Contain("warning");

        var strict = await SuiteRun.RunInOneProcessAsync("gate-should-failon", target.With(("CREWPASS_FAIL_ON", "should")));
        strict.Failed.Should().NotBeEmpty().And.OnlyContain(o => o.Clause == "KEY-03");
        strict.ExitCode.Should().NotBe(0);
    }

    [Test]
    public async Task A_filter_that_selects_no_test_fails_with_a_message()
    {
        var run = await SuiteRun.RunAsync("gate-empty", new Dictionary<string, string>(),
            "--settings", Repository.Path("runsettings", "embedded.runsettings"), "--filter", "TestCategory=NO-SUCH-CLAUSE");
        run.Outcomes.Should().BeEmpty();
        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("No test matches the given testcase filter");
    }

    [Test]
    public async Task A_listed_failure_is_a_known_deviation_and_does_not_fail_the_gate()
    {
        await using var target = await Deployment.StartAsync(Fault.TestKeyHasOwnPartnerId);
        var run = await SuiteRun.RunInOneProcessAsync("gate-deviation", target.With(("CREWPASS_KNOWN_DEVIATIONS", await DeviationsAsync("KEY-06", null, NextMonth))));
        run.Failed.Should().BeEmpty(run.Describe());
        run.ExitCode.Should().Be(0);
        var report = await File.ReadAllTextAsync(Path.Combine(run.ResultsDirectory, "conformance-report.json"));
        report.Should().Contain("\"status\": \"known deviation\"");
    }

    [Test]
    public async Task Under_Strict_a_known_deviation_is_not_honoured()
    {
        await using var target = await Deployment.StartAsync(Fault.TestKeyHasOwnPartnerId);
        var run = await SuiteRun.RunInOneProcessAsync("gate-deviation-strict", target.With(
            ("CREWPASS_KNOWN_DEVIATIONS", await DeviationsAsync("KEY-06", null, NextMonth)), ("CREWPASS_STRICT", "true")));
        run.Failed.Should().Contain(o => o.Clause == "KEY-06", "certification judges the deployment as it is, deviations included");
        run.ExitCode.Should().NotBe(0);
    }

    [Test]
    public async Task A_listed_check_that_now_passes_fails_the_gate_with_remove_it_from_the_list()
    {
        await using var target = await Deployment.StartAsync();
        var run = await SuiteRun.RunInOneProcessAsync("gate-stale-deviation", target.With(("CREWPASS_KNOWN_DEVIATIONS", await DeviationsAsync("KEY-03", null, NextMonth))));
        run.Failed.Should().NotBeEmpty().And.OnlyContain(o => o.Clause == "KEY-03" && o.Message.Contains("remove it from the list"));
        run.ExitCode.Should().NotBe(0);
    }

    [Test]
    public async Task An_expired_deviation_fails_the_gate()
    {
        await using var target = await Deployment.StartAsync(Fault.TestKeyHasOwnPartnerId);
        var run = await SuiteRun.RunInOneProcessAsync("gate-expired", target.With(("CREWPASS_KNOWN_DEVIATIONS", await DeviationsAsync("KEY-06", null, LastMonth))));
        run.Failed.Should().NotBeEmpty().And.OnlyContain(o => o.Clause == "KEY-06" && o.Message.Contains("expired"));
        run.ExitCode.Should().NotBe(0);
    }

    [Test]
    public async Task A_malformed_deviations_file_is_one_message_naming_KnownDeviations()
    {
        await using var target = await Deployment.StartAsync();
        var path = await DeviationsAsync("KEY-01", null, "next week");
        var run = await SuiteRun.RunInOneProcessAsync("gate-bad-deviations", target.With(("CREWPASS_KNOWN_DEVIATIONS", path)));
        run.Failed.Should().ContainSingle().Which.Message.Should().Contain("KnownDeviations");
        run.Outcomes.Except(run.Failed).Should().OnlyContain(o => o.Outcome == TrxOutcome.NotExecuted, "the one message stands alone");
        run.Verdicts.Should().BeEmpty("no check ran, so the report holds no verdict");
    }
}
