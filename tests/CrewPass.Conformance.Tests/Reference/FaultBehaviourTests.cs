using System.Text.RegularExpressions;
using CrewPass.Reference;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// Faults are chosen at composition: each bends the faithful Behaviour in its own way, and the reference's handlers
/// (Api/, Sandbox/) read only that behaviour, never which fault is on.
/// </summary>
public sealed partial class FaultBehaviourTests
{
    public static IEnumerable<TestCaseData> Faults() => FaultCatalogue.All.Select(f => new TestCaseData(f.Fault).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(Faults))]
    public void Each_fault_changes_the_faithful_behaviour(Fault fault) =>
        FaultBehaviours.Compose([fault]).Should().NotBe(Behaviour.Faithful, "a fault that changes nothing cannot be caught");

    [Test]
    public void No_two_faults_compose_to_the_same_behaviour() =>
        FaultCatalogue.All.GroupBy(f => FaultBehaviours.Compose([f.Fault])).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(f => f.Name)))
            .Should().BeEmpty("two faults that behave alike prove one thing twice");

    [Test]
    public void The_faithful_instance_composes_the_faithful_behaviour() => new ReferenceOptions().Behaviour.Should().Be(Behaviour.Faithful);

    [GeneratedRegex(@"\bFault\.[A-Z]\w*")]
    private static partial Regex FaultMember();

    [Test]
    public void The_handlers_never_ask_which_fault_is_on() =>
        new[] { "Api", "Sandbox" }.SelectMany(folder => Directory.EnumerateFiles(Repository.Path("src", "CrewPass.Reference", folder), "*.cs"))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetFileName(file), Number: i + 1, Line: line)))
            .Where(l => FaultMember().IsMatch(l.Line)).Select(l => $"{l.File}:{l.Number}: {l.Line.Trim()}")
            .Should().BeEmpty("a handler reads the Behaviour its faults composed (Faults/FaultBehaviours.cs)");
}
