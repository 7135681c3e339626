using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrewPass.Conformance.Reporting;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests.Matrices;

/// <summary>
/// The CLIENT checks are shown to fail: one run judges the Python sample and every one of its catalogued integration
/// bugs (ClientFaults=all, FailOn=should), each bug caught by exactly its declared clauses. Among the matrices: its run
/// goes in their set-up, beside the fault matrix, which keeps only ~1.3 of the two cores busy.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ClientBugMatrixTests
{
    // In the warm runner, as the fault matrix: the matrix judges the checks, not how they are run.
    public static readonly Lazy<Task<SuiteRunResult>> Matrix = new(() => SuiteRun.RunInOneProcessAsync("client-matrix",
        new Dictionary<string, string> { ["CREWPASS_CLIENT_FAULTS"] = "all", ["CREWPASS_FAIL_ON"] = "should" }, SuiteRun.ClientChecks));

    public static IEnumerable<TestCaseData> Bugs() => Catalogue("faults");

    public static IEnumerable<TestCaseData> Variations() => Catalogue("variations");

    /// <summary>One list of fixtures/clients/faults.json: each entry's name and its clauses.</summary>
    private static IEnumerable<TestCaseData> Catalogue(string list) =>
        JsonNode.Parse(File.ReadAllText(Repository.Path("fixtures", "clients", "faults.json")))![list]!.AsArray()
            .Select(f => new TestCaseData(f!["name"]!.ToString(), f["clauses"]!.AsArray().Select(c => c!.ToString()).ToArray()).SetArgDisplayNames(f["name"]!.ToString()));


    /// <summary>A legal variation of the sample (a spelling, keep-alive, gzip, reads only) fails nothing it does not declare.</summary>
    [TestCaseSource(nameof(Variations))]
    public async Task A_legal_client_variation_fails_nothing_beyond_what_it_declares(string variation, string[] clauses)
    {
        var run = await Matrix.Value;
        var checks = run.VerdictsOf($"client+{variation}").ToArray();
        var row = $"client variation {variation}; declared {(clauses.Length == 0 ? "nothing" : string.Join(", ", clauses))}; {checks.Length} checks";
        checks.Should().HaveCountGreaterThan(30, row);
        checks.Where(v => v.Outcome is Outcome.Failed or Outcome.HarnessError or Outcome.TransportError or Outcome.Inconclusive or Outcome.Warning && !clauses.Contains(v.Clause))
            .Select(v => $"{v.Outcome}: {v.Name}: {v.Message}").Should().BeEmpty($"a legal variation fails nothing it does not declare: {row}");
        clauses.Except(checks.Where(v => v.Outcome == Outcome.Failed).Select(v => v.Clause)).Should().BeEmpty($"each declared clause fails: {row}");
    }

    [Test]
    public void The_catalogue_names_exactly_the_variations_the_sample_implements()
    {
        var implemented = Regex.Matches(File.ReadAllText(Repository.Path("fixtures", "clients", "python", "variations.py")), "^    \"([a-z0-9-]+)\": ", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        implemented.Should().BeEquivalentTo(Variations().Select(b => (string)b.Arguments[0]!));
    }

    [TestCaseSource(nameof(Bugs))]
    public async Task The_client_bug_is_caught_by_its_declared_clauses_and_by_nothing_else(string bug, string[] clauses)
    {
        var run = await Matrix.Value;
        var checks = run.VerdictsOf($"client+{bug}").ToArray();
        var failing = checks.Where(v => v.Outcome == Outcome.Failed).ToArray();
        var row = $"client bug {bug}; declared {string.Join(", ", clauses)}; {checks.Length} checks, failing clauses: {string.Join(", ", failing.Select(v => v.Clause).Distinct().Order())}";
        checks.Should().HaveCountGreaterThan(30, row);
        clauses.Except(failing.Select(v => v.Clause)).Should().BeEmpty($"each declared clause must catch the bug: {row}");
        failing.Where(v => !clauses.Contains(v.Clause)).Select(v => $"{v.Name}: {v.Message}").Should().BeEmpty($"only the declared clauses may fail: {row}");
        checks.Where(v => v.Outcome is Outcome.HarnessError or Outcome.TransportError).Should().BeEmpty(row);
    }

    [Test]
    public async Task Every_CLIENT_clause_is_failed_by_some_client_bug()
    {
        var declared = Bugs().SelectMany(b => (string[])b.Arguments[1]!).ToHashSet();
        var clauses = Clauses.ClauseCatalogue.All.Where(c => c.JudgesClient).Select(c => c.Id);
        clauses.Except(declared).Should().BeEmpty("every CLIENT check must be shown to fail");
        var failed = (await Matrix.Value).Verdicts.Where(v => v.Outcome == Outcome.Failed).Select(v => v.Clause).ToHashSet();
        clauses.Except(failed).Should().BeEmpty();
    }

    /// <summary>Every CLIENT case the sample passes, with its arguments, is failed by some bug: no case proves nothing.</summary>
    [Test]
    public async Task Every_case_is_failed_by_some_client_bug()
    {
        var run = await Matrix.Value;
        var bugs = Bugs().Select(b => $"client+{b.Arguments[0]}").ToHashSet();
        var failed = run.Verdicts.Where(v => bugs.Contains(v.Target) && v.Outcome == Outcome.Failed).Select(v => v.Name).ToHashSet();
        run.VerdictsOf("client").Select(v => v.Name).Distinct().Where(c => !failed.Contains(c))
            .Should().BeEmpty("each of these cases passed against every client bug: give it a bug that makes it fail, or it proves nothing");
    }

    [Test]
    public void The_catalogue_names_exactly_the_bugs_the_sample_implements()
    {
        var implemented = Regex.Matches(File.ReadAllText(Repository.Path("fixtures", "clients", "python", "faults.py")), "^    \"([a-z0-9-]+)\": ", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        implemented.Should().BeEquivalentTo(Bugs().Select(b => (string)b.Arguments[0]!));
    }

    [Test]
    public async Task The_Python_sample_client_passes_everything_with_nothing_skipped()
    {
        var run = await Matrix.Value;
        var sample = run.VerdictsOf("client").ToArray();
        sample.Should().HaveCountGreaterThan(30);
        sample.Where(v => v.Outcome != Outcome.Passed).Select(v => $"{v.Name}: {v.Outcome} {v.Message}").Should().BeEmpty();
    }
}
