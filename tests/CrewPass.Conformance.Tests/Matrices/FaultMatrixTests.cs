using CrewPass.Conformance.Clauses;
using CrewPass.Reference;
using CrewPass.Conformance.Reporting;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests.Matrices;

[Parallelizable(ParallelScope.All)]
public sealed class FaultMatrixTests
{
    /// <summary>
    /// One run of the suites for both matrices: the faithful reference, every fault (EmbeddedFaults=all) and every legal
    /// choice with its profile (EmbeddedVariations=all), with SHOULD failures counted as failures. In the warm runner
    /// (NUnit's API): the matrices judge the checks, and dotnet test was more than half of their cost.
    /// </summary>
    public static readonly Lazy<Task<SuiteRunResult>> Matrix = new(() => SuiteRun.RunInOneProcessAsync("matrices",
        new Dictionary<string, string> { ["CREWPASS_EMBEDDED_FAULTS"] = "all", ["CREWPASS_EMBEDDED_VARIATIONS"] = "all", ["CREWPASS_FAIL_ON"] = "should" },
        // The client's checks judge a client, not a deployment: their matrix is the client bugs' (ClientBugMatrixTests).
        SuiteRun.DeploymentChecks, ManyTargetsWorkers));

    /// <summary>
    /// NUnit workers for runs of many targets: each target's RATE-05 holds a worker while it waits out its rate-limit
    /// window, asleep, and with the suites' 16 the targets' waits left the CPU idle. More workers: a shorter set-up, the
    /// same CPU and the same verdicts (bench/figures.md).
    /// </summary>
    public const int ManyTargetsWorkers = 40;

    private const string NotClientChecks = """<not><cat re="1">^CLIENT-</cat></not>""";

    /// <summary>The first read the reference adds (EmbeddedExtraEndpoints=1), declared as a profile row: a list.</summary>
    public const string AddedRead = "/api/v2/scale/1";

    /// <summary>
    /// The same faults, each sitting on a profile-added read alone (EmbeddedFaultsOn=added), every catalogued read
    /// faithful: only the checks of the added read can catch them, so only those run.
    /// </summary>
    public static readonly Lazy<Task<SuiteRunResult>> OnAddedRead = new(() => SuiteRun.RunInOneProcessAsync("faults-on-added-read",
        new Dictionary<string, string>
        {
            ["CREWPASS_EMBEDDED_EXTRA_ENDPOINTS"] = "1",
            ["CREWPASS_EMBEDDED_FAULTS"] = "all",
            ["CREWPASS_EMBEDDED_FAULTS_ON"] = "added",
            ["CREWPASS_FAIL_ON"] = "should",
        },
        $"""<filter><and><name re="1">{AddedRead}</name>{NotClientChecks}</and></filter>""", ManyTargetsWorkers));

    private static IEnumerable<FaultInfo> OnAnyRead => FaultCatalogue.All.Where(f => f.OnAnyRead);

    public static IEnumerable<TestCaseData> ReadFaults() => OnAnyRead.Select(f => new TestCaseData(f).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(ReadFaults))]
    public async Task The_fault_on_a_profile_added_read_is_caught_there_by_its_declared_clauses(FaultInfo fault)
    {
        var (checks, failing, failingClauses, row) = Judged(await OnAddedRead.Value, fault, $" on {AddedRead}");
        checks.Should().NotBeEmpty($"the checks of the added read must run against the faulted instance: {row}");
        checks.Should().OnlyContain(o => o.Name.Contains(AddedRead), "the run judges the added read alone");
        var addedReadClauses = (await OnAddedRead.Value).VerdictsOf("embedded").Select(v => v.Clause).ToHashSet();
        fault.Clauses.Where(addedReadClauses.Contains).Except(failingClauses)
            .Should().BeEmpty($"every declared clause with a check of the added read must catch the fault sitting there: {row}");
        ExpectNothingHidden(checks, fault, row);
        failing.Where(o => !fault.Clauses.Contains(o.Clause)).Select(o => o.Name)
            .Should().BeEmpty($"only the declared clauses may fail: {row}");
    }

    [Test]
    public async Task The_faithful_reference_passes_every_check_of_its_added_read()
    {
        var run = await OnAddedRead.Value;
        var faithful = run.VerdictsOf("embedded").ToArray();
        faithful.Should().HaveCountGreaterThan(100).And.OnlyContain(o => o.Name.Contains(AddedRead));
        faithful.Where(o => o.Outcome != Outcome.Passed).Select(o => $"{o.Name}: {o.Outcome} {o.Message}").Should().BeEmpty();
        run.Outcomes.Select(o => o.Target).Where(t => t.StartsWith("embedded+", StringComparison.Ordinal)).Distinct()
            .Should().BeEquivalentTo(OnAnyRead.Select(f => $"embedded+{f.Name}"));
        TestContext.Out.WriteLine($"faults on {AddedRead}: {OnAnyRead.Count()} read faults + the faithful reference in one run: {run.Describe()}");
    }

    /// <summary>
    /// A fault run hides nothing behind its failures: no harness or transport error anywhere, and an inconclusive check
    /// only in a declared clause or owned (its precondition) by one.
    /// </summary>
    private static void ExpectNothingHidden(ReportVerdict[] checks, FaultInfo fault, string row)
    {
        checks.Where(v => v.Outcome is Outcome.HarnessError or Outcome.TransportError).Select(v => $"{v.Outcome}: {v.Name}: {v.Message}")
            .Should().BeEmpty($"a fault run must conclude: {row}");
        checks.Where(v => v.Outcome == Outcome.Inconclusive && !fault.Clauses.Contains(v.Clause) && !(v.Owner is { } owner && fault.Clauses.Contains(owner)))
            .Select(v => $"{v.Name} (owner {v.Owner ?? "none"}): {v.Message}")
            .Should().BeEmpty($"an inconclusive check outside the declared clauses must name a declared clause as its owner: {row}");
    }

    /// <summary>
    /// A faulted instance's checks, the failing ones and their clauses, and the row that describes them. Caught means an
    /// assertion failed: a transport error or an inconclusive check (a refused read, a 429 in passing) is no catch,
    /// whatever the TRX calls it.
    /// </summary>
    private static (ReportVerdict[] Checks, ReportVerdict[] Failing, string[] FailingClauses, string Row) Judged(SuiteRunResult run, FaultInfo fault, string where)
    {
        var checks = run.VerdictsOf($"embedded+{fault.Name}").ToArray();
        var failing = checks.Where(o => o.Outcome == Outcome.Failed).ToArray();
        var clauses = failing.Select(o => o.Clause).Distinct().Order().ToArray();
        var row = $"fault {fault.Name}{where} ({fault.Description}); declared {string.Join(", ", fault.Clauses)}; " +
                  $"{checks.Length} checks ran, failing clauses: {(clauses.Length == 0 ? "none" : string.Join(", ", clauses))}";
        return (checks, failing, clauses, row);
    }

    public static IEnumerable<TestCaseData> Faults() =>
        FaultCatalogue.All.Select(f => new TestCaseData(f).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(Faults))]
    public async Task The_fault_is_caught_by_its_declared_clauses_and_by_nothing_else(FaultInfo fault)
    {
        var (checks, failing, failingClauses, row) = Judged(await Matrix.Value, fault, "");

        checks.Should().NotBeEmpty($"the suites must run against the faulted instance: {row}");
        ExpectNothingHidden(checks, fault, row);
        var uncaught = fault.Clauses.Except(failingClauses).ToArray();
        uncaught.Should().BeEmpty($"each declared clause must catch the fault, but these checks of {string.Join(", ", uncaught)} ran and did not fail:\n" +
                                  string.Join("\n", checks.Where(o => uncaught.Contains(o.Clause)).Select(o => $"  {o.Outcome}: {o.Name}")) + $"\n{row}");
        failing.Where(o => !fault.Clauses.Contains(o.Clause)).Select(o => o.Name)
            .Should().BeEmpty($"only the declared clauses may fail, or the catalogue is incomplete or a check too broad: {row}");
    }

    [Test]
    public async Task The_faithful_reference_passes_everything_with_nothing_skipped()
    {
        var faithful = (await Matrix.Value).VerdictsOf("embedded").ToArray();
        faithful.Should().HaveCountGreaterThan(150);
        faithful.Where(o => o.Outcome != Outcome.Passed).Select(o => $"{o.Name}: {o.Outcome} {o.Message}").Should().BeEmpty();
    }

    /// <summary>A read refused by a fault shows no data: the checks that compare data must not pass on it (nor fail: they cannot know).</summary>
    [Test]
    public async Task A_refused_read_proves_nothing_about_data_or_effects()
    {
        var run = await Matrix.Value;
        var judged = run.VerdictsOf("embedded+bearer-ignored-on-vessel-list")
            .Where(v => v.Clause is "DATA-01" or "DATA-02" or "DATA-03" or "SIG-03" || v.Name.StartsWith("SIG_02_A_request_signed_as_the_page_shows_is_accepted(vessel-attach"))
            .ToArray();
        judged.Should().NotBeEmpty();
        judged.Where(v => v.Outcome != Outcome.Inconclusive).Select(v => $"{v.Outcome}: {v.Name}").Should().BeEmpty(
            "the vessel list refuses Bearer there, so nothing these checks compare was ever read");
    }

    /// <summary>
    /// The cases no reference fault can fail, each with its reason. Anything else the faithful reference passes must be
    /// failed by some fault, case by case (full name with arguments), or it proves nothing.
    /// </summary>
    public static readonly IReadOnlyList<(string Case, string Reason)> Exemptions =
    [
        ("SIG_01_", "SIG-01 checks the harness's own signer, not the target: SigningTests corrupts each vector and sees its case fail"),
        ("AUTH_02_Bearer_is_accepted(GET /api/v2/partners/me, LiveKey)", "the preflight's own request: a target that refuses it is stopped before any check, with one message"),
        ("AUTH_02_Bearer_is_accepted(GET /api/v2/partners/me, TestKey)", "the preflight's own request: a target that refuses it is stopped before any check, with one message"),
        ("AUTH_07_No_keyed_request_is_redirected_to_cleartext(GET /api/v2/partners/me, LiveKey)", "judges the preflight's own answer, which must be a 200 with a partner id: a redirect stops the run first"),
        ("AUTH_07_No_keyed_request_is_redirected_to_cleartext(GET /api/v2/partners/me, TestKey)", "judges the preflight's own answer, which must be a 200 with a partner id: a redirect stops the run first"),
    ];

    private static bool Exempt(string name) => Exemptions.Any(e => e.Case.EndsWith('_') ? name.StartsWith(e.Case, StringComparison.Ordinal) : name == e.Case);

    /// <summary>
    /// Every case, not only every check or clause, is failed by some fault: a case no fault can fail proves nothing (as
    /// AUTH-07's old "the target is https" check did, which the preflight made unfailable).
    /// </summary>
    [Test]
    public async Task Every_case_is_failed_by_some_fault()
    {
        var run = await Matrix.Value;
        var failed = run.Verdicts.Where(v => v.Target.StartsWith("embedded+", StringComparison.Ordinal) && v.Outcome == Outcome.Failed).Select(v => v.Name).ToHashSet();
        var cases = run.VerdictsOf("embedded").Select(v => v.Name).Distinct().ToArray();
        var survivors = cases.Where(c => !Exempt(c) && !failed.Contains(c)).ToArray();
        TestContext.Out.WriteLine($"{cases.Length} cases, {cases.Count(c => failed.Contains(c))} failed by some fault, {cases.Count(Exempt)} exempt, {survivors.Length} survivors");
        survivors.Should().BeEmpty("each of these cases passed against every fault: give it a fault that makes it fail, or it proves nothing");
    }

    [Test]
    public async Task Every_exemption_still_names_a_case_no_fault_fails()
    {
        var run = await Matrix.Value;
        var failed = run.Verdicts.Where(v => v.Target.StartsWith("embedded+", StringComparison.Ordinal) && v.Outcome == Outcome.Failed).Select(v => v.Name).ToHashSet();
        var cases = run.VerdictsOf("embedded").Select(v => v.Name).Distinct().ToArray();
        Exemptions.Where(e => !cases.Any(c => Exempt(c) && (e.Case.EndsWith('_') ? c.StartsWith(e.Case, StringComparison.Ordinal) : c == e.Case)))
            .Select(e => e.Case).Should().BeEmpty("an exemption must name a case of the run");
        cases.Where(c => Exempt(c) && failed.Contains(c) && !c.StartsWith("SIG_01_", StringComparison.Ordinal))
            .Should().BeEmpty("a fault fails these now: drop their exemption");
    }

    [Test]
    public async Task The_whole_matrix_runs_in_one_suite_run_well_inside_two_minutes()
    {
        var run = await Matrix.Value;
        run.Outcomes.Select(o => o.Target).Where(t => t.Length > 0).Distinct().Should().HaveCount(FaultCatalogue.All.Count + LegalChoices.All.Count + 1);
        run.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(2));
        TestContext.Out.WriteLine($"fault matrix: {FaultCatalogue.All.Count} faults + the faithful reference in one run: {run.Describe()}");
    }

    /// <summary>
    /// SIG-01 checks the harness itself, not the target: its fault is a corrupted vector (SigningTests), not a reference
    /// fault. The CLIENT clauses judge a client: their faults are the sample client's bugs (ClientBugMatrixTests).
    /// </summary>
    [Test]
    public void Every_covered_clause_is_named_by_at_least_one_fault() =>
        ClauseCatalogue.All.Where(c => c.Covered && c.Id != "SIG-01" && !c.JudgesClient).Select(c => c.Id)
            .Except(FaultCatalogue.All.SelectMany(f => f.Clauses)).Should().BeEmpty();

    [Test]
    public void Every_fault_names_known_clauses() =>
        FaultCatalogue.All.Should().OnlyContain(f => f.Clauses.Count > 0 && f.Clauses.All(ClauseCatalogue.Exists));
}
