using CrewPass.Conformance.Clients;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites;

/// <summary>The CLIENT suite's cases: its clients, and every case of the engine's CLIENT checks, named and categorised by them.</summary>
public static class ClientCases
{
    public static IEnumerable<TestFixtureData> Clients() => ClientRuns.PlannedNames().Select(name => new TestFixtureData(name).SetArgDisplayNames(name));

    public static IEnumerable<TestCaseData> Checks() =>
        ClientChecks.All.SelectMany(c => c.Cases).Select(c => new TestCaseData(c).SetName(c.Name).SetCategory(c.Check.Clause));
}
