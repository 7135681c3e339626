using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace CrewPass.Conformance.Tests;

/// <summary>The CI examples (docs/ci.md) are YAML a team can paste: each parses, installs the tool at the version this build packs, and updates apt first.</summary>
public sealed class CiExampleTests
{
    /// <summary>The package version the build produces (Directory.Build.props), which `dotnet pack` gives the tool.</summary>
    private static string BuildVersion =>
        Regex.Match(File.ReadAllText(Repository.Path("Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;

    public static IEnumerable<TestCaseData> Examples()
    {
        var readme = File.ReadAllText(Repository.Path("docs", "ci.md"));
        foreach (Match block in Regex.Matches(readme, @"\n([^\n]+):?\n\n```yaml\n(.*?)```", RegexOptions.Singleline))
        {
            var heading = block.Groups[1].Value.Split(' ')[0].TrimEnd(':');
            yield return new TestCaseData(heading, block.Groups[2].Value).SetArgDisplayNames(heading);
        }
    }

    [Test]
    public void The_CI_page_has_the_three_examples() =>
        Examples().Select(e => (string)e.Arguments[0]!).Should().BeEquivalentTo(["GitHub", "Azure", "GitLab"]);

    [TestCaseSource(nameof(Examples))]
    public void The_example_parses_and_installs_the_tool_at_the_version_this_build_packs(string ci, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var scalars = stream.Documents.Single().AllNodes.OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToArray();
        var installs = scalars.Where(v => v.Contains("dotnet tool install")).ToArray();
        installs.Should().ContainSingle($"the {ci} example installs the tool once");
        Regex.Match(installs[0], @"CrewPass\.Conformance\.Tool --version (\S+)").Groups[1].Value.Should().Be(BuildVersion, "the pinned version is the one this build packs");
        var commands = string.Join("\n", scalars);
        commands.IndexOf("apt-get update", StringComparison.Ordinal).Should().BeInRange(0, commands.IndexOf("apt-get install", StringComparison.Ordinal),
            "apt-get update runs before any install");
        commands.Should().Contain("crewpass-conformance check").And.Contain("junit;LogFilePath=");
    }

    [Test]
    public void The_GitLab_example_shows_the_JUnit_report_in_the_merge_request()
    {
        var yaml = (string)Examples().Single(e => (string)e.Arguments[0]! == "GitLab").Arguments[1]!;
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var job = (YamlMappingNode)((YamlMappingNode)stream.Documents.Single().RootNode).Children.Values.Single();
        var junit = ((YamlMappingNode)((YamlMappingNode)job["artifacts"])["reports"])["junit"].ToString();
        junit.Should().Be("results/junit.xml");
        ((YamlMappingNode)job["artifacts"])["when"].ToString().Should().Be("always", "a failing gate still shows its report");
    }
}
