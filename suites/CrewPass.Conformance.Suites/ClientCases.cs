using CrewPass.Conformance.Clients;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites;

/// <summary>The CLIENT suite's cases: its clients, and every case of the engine's CLIENT checks, named and categorised by them.</summary>
public static class ClientCases
{
    public static IEnumerable<TestFixtureData> Clients() => ClientRuns.PlannedNames().Select(name => new TestFixtureData(name).SetArgDisplayNames(name));

    /// <summary>The cases of the checks that judge this set of scenarios, named and categorised by the engine's checks.</summary>
    public static IEnumerable<TestCaseData> Of(ScenarioSet set) =>
        ClientChecks.All.Where(c => c.Scenarios == set).SelectMany(c => c.Cases)
            .Select(c => new TestCaseData(c).SetName(c.Name).SetCategory(c.Check.Clause));
}
