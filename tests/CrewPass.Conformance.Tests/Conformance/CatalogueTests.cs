using System.Reflection;
using System.Text.RegularExpressions;
using CrewPass.Conformance.Clauses;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>The clause catalogue matches CONTRACT.md, every covered clause has a check, and every check names a real clause.</summary>
public sealed partial class CatalogueTests
{
    [GeneratedRegex(@"^\| ([A-Z]+-\d\d) \| (MUST|SHOULD) \|", RegexOptions.Multiline)]
    private static partial Regex ContractRow();

    private static readonly Lazy<IReadOnlyList<(string Clause, MethodInfo Method)>> Checks = new(() =>
    {
        var suites = Assembly.LoadFrom(Repository.SuitesAssembly);
        return suites.GetTypes().SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributesData()
                .Where(a => a.AttributeType.Name == "ClauseAttribute")
                .Select(a => ((string)a.ConstructorArguments[0].Value!, m)))
            .Concat(Clients.ClientChecks.All.Select(c => (c.Clause, c.Method)))
            .ToArray();
    });

    [Test]
    public void The_catalogue_lists_every_clause_of_CONTRACT_md_with_its_level()
    {
        var contract = Repository.ContractText();
        var rows = ContractRow().Matches(contract).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToArray();
        rows.Should().NotBeEmpty();
        ClauseCatalogue.All.Select(c => (c.Id, c.LevelName)).Should().Equal(rows);
    }

    /// <summary>Every set of scenarios a CLIENT check may judge has its method in the suites, so no check is left unrun.</summary>
    [Test]
    public void Every_scenario_set_has_its_method_in_the_CLIENT_suite()
    {
        var suite = Assembly.LoadFrom(Repository.SuitesAssembly).GetTypes().Single(t => t.Name == "ClientSuite");
        var sets = suite.GetMethods().SelectMany(m => m.GetCustomAttributesData())
            .Where(a => a.AttributeType.Name == "TestCaseSourceAttribute" && a.ConstructorArguments.Count == 3)
            .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[2].Value!).Select(v => (Clients.ScenarioSet)(int)v.Value!));
        sets.Should().BeEquivalentTo(Enum.GetValues<Clients.ScenarioSet>());
    }

    [Test]
    public void Every_covered_clause_has_a_check() =>
        ClauseCatalogue.All.Where(c => c.Covered).Select(c => c.Id)
            .Except(Checks.Value.Select(c => c.Clause)).Should().BeEmpty("a clause the catalogue calls covered needs a check");

    [Test]
    public void A_clause_not_yet_covered_has_no_check_yet_and_names_its_issue() =>
        ClauseCatalogue.All.Where(c => !c.Covered)
            .Where(c => !c.PendingIssue!.StartsWith('#') || Checks.Value.Any(check => check.Clause == c.Id)).Should().BeEmpty();

    [Test]
    public void Every_check_names_a_clause_of_the_catalogue_and_carries_its_id_in_its_name() =>
        Checks.Value.Should().OnlyContain(c => ClauseCatalogue.Exists(c.Clause) && c.Method.Name.StartsWith(c.Clause.Replace('-', '_') + "_"));

    /// <summary>docs/variations.md names, for every clause, what its inputs may vary along and how the cases cover it.</summary>
    [Test]
    public void Every_clause_has_its_variations_written_down()
    {
        var text = File.ReadAllText(Repository.Path("docs", "variations.md"));
        Regex.Matches(text, @"^### ([A-Z]+-\d\d)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value)
            .Should().BeEquivalentTo(ClauseCatalogue.All.Where(c => c.Covered).Select(c => c.Id), "docs/variations.md has one section per covered clause");
    }

    /// <summary>Every fault, legal choice and client variant the page names exists, so the list cannot claim a proof that is gone.</summary>
    [Test]
    public void Every_fault_and_variant_docs_variations_names_exists()
    {
        var text = File.ReadAllText(Repository.Path("docs", "variations.md"));
        var clientVariants = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repository.Path("fixtures", "clients", "faults.json")))!;
        var known = CrewPass.Reference.FaultCatalogue.All.Select(f => f.Name).Concat(CrewPass.Reference.LegalChoices.All.Select(c => c.Name))
            .Concat(new[] { "faults", "variations" }.SelectMany(list => clientVariants[list]!.AsArray().Select(v => v!["name"]!.ToString()))).ToHashSet();
        Regex.Matches(text, @"`([a-z0-9]+(?:-[a-z0-9]+)+)`").Select(m => m.Groups[1].Value).Where(n => !n.StartsWith("x-", StringComparison.Ordinal))
            .Distinct().Where(n => !known.Contains(n)).Should().BeEmpty();
    }
}
