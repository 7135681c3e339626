using System.Text;
using System.Text.RegularExpressions;
using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Settings;
using CrewPass.Reference;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// The tables of README and docs/ are generated from the catalogues, never typed. Run with UPDATE_README=1 to rewrite
/// them; otherwise a stale page fails.
/// </summary>
public sealed class ReadmeTests
{
    public static IEnumerable<TestCaseData> Tables()
    {
        yield return new TestCaseData("docs/clauses.md", "clauses", ClauseTable()).SetArgDisplayNames("clauses");
        yield return new TestCaseData("docs/settings.md", "settings", SettingTable()).SetArgDisplayNames("settings");
        yield return new TestCaseData("docs/matrices.md", "faults", FaultTable()).SetArgDisplayNames("faults");
        yield return new TestCaseData("docs/matrices.md", "choices", ChoiceTable()).SetArgDisplayNames("choices");
        yield return new TestCaseData("README.md", "client-bugs", ClientBugTable()).SetArgDisplayNames("client-bugs");
        yield return new TestCaseData("README.md", "exit-codes", ExitCodeTable()).SetArgDisplayNames("exit-codes");
    }

    [TestCaseSource(nameof(Tables))]
    public void The_table_is_generated_from_its_catalogue(string file, string name, string table)
    {
        var path = Repository.Path(file.Split('/'));
        var readme = File.ReadAllText(path);
        var block = new Regex($"(<!-- {name}:begin -->\\n)(.*?)(<!-- {name}:end -->)", RegexOptions.Singleline);
        block.IsMatch(readme).Should().BeTrue($"{file} needs the markers <!-- {name}:begin --> and <!-- {name}:end -->");
        var current = block.Match(readme).Groups[2].Value;
        if (current != table && Environment.GetEnvironmentVariable("UPDATE_README") == "1")
        {
            File.WriteAllText(path, block.Replace(readme, m => m.Groups[1].Value + table + m.Groups[3].Value));
            return;
        }
        current.Should().Be(table, $"{file} is stale: run `UPDATE_README=1 dotnet test tests/CrewPass.Conformance.Tests --filter ReadmeTests`");
    }

    private static string ClauseTable()
    {
        var text = new StringBuilder("| id | level | status | clause |\n| --- | --- | --- | --- |\n");
        foreach (var c in ClauseCatalogue.All)
            text.Append($"| {c.Id} | {c.LevelName} | {(c.Covered ? "checked" : $"not yet covered ({c.PendingIssue})")} | {Cell(c.Text)} |\n");
        return text.ToString();
    }

    private static string SettingTable()
    {
        var text = new StringBuilder("| setting | environment variable | kind | default | takes | what it is |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var s in SettingDefinitions.All)
            text.Append($"| `{s.Name}` | `{s.EnvironmentName}` | {s.Kind.ToString().ToLowerInvariant()} | {(s.Default is null ? "" : $"`{s.Default}`")} | {Cell(Takes(s))} | {Cell(s.Description)} |\n");
        return text.ToString();
    }

    private static string Takes(SettingDefinition s) =>
        s.Bound is { } bound ? bound.ToString() : s.OneOf is { } words ? string.Join(", ", words.Select(w => $"`{w}`")) : "";

    private static string FaultTable()
    {
        var text = new StringBuilder("| fault | what is wrong | clauses that catch it | also on an added read |\n| --- | --- | --- | --- |\n");
        foreach (var f in FaultCatalogue.All)
            text.Append($"| `{f.Name}` | {Cell(f.Description)} | {string.Join(", ", f.Clauses)} | {(f.OnAnyRead ? "yes" : "")} |\n");
        return text.ToString();
    }

    private static string ChoiceTable()
    {
        var text = new StringBuilder("| legal choice (`--choice`, `EmbeddedVariations`) | what the reference does instead of its default | profile |\n| --- | --- | --- |\n");
        foreach (var c in LegalChoices.All)
        {
            var profile = Repository.Path("fixtures", "profiles", c.Name + ".json");
            text.Append($"| `{c.Name}` | {Cell(c.Description)} | {(File.Exists(profile) ? $"`fixtures/profiles/{c.Name}.json`" : "none needed")} |\n");
        }
        return text.ToString();
    }

    private static string ExitCodeTable()
    {
        var text = new StringBuilder("| exit code | meaning |\n| --- | --- |\n");
        foreach (var code in GateExitCodes.All)
            text.Append($"| {code} | {Cell(GateExitCodes.Meaning(code))} |\n");
        return text.ToString();
    }

    private static string ClientBugTable()
    {
        var text = new StringBuilder("| client bug (`ClientFaults`) | what the sample client does wrong | clauses that catch it |\n| --- | --- | --- |\n");
        foreach (var bug in System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repository.Path("fixtures", "clients", "faults.json")))!["faults"]!.AsArray())
            text.Append($"| `{bug!["name"]}` | {Cell(bug["bug"]!.ToString())} | {string.Join(", ", bug["clauses"]!.AsArray().Select(c => c!.ToString()))} |\n");
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|");
}
