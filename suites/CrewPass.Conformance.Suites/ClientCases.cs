using CrewPass.Conformance.Suites.Infrastructure;
using FluentAssertions.Execution;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites;

/// <summary>The CLIENT suite's cases: its clients, and the scenarios each check judges.</summary>
public static class ClientCases
{
    public static IEnumerable<TestFixtureData> Clients() => ClientRuns.PlannedNames().Select(name => new TestFixtureData(name).SetArgDisplayNames(name));

    /// <summary>Every scenario in which requests reach the sandbox.</summary>
    public static IEnumerable<SandboxScenario> Served() => SandboxScenario.All.Where(s => s.Served);

    public static IEnumerable<SandboxScenario> Writes() => SandboxScenario.All.Where(s => s.Writes);

    public static IEnumerable<SandboxScenario> UntrustedCertificate() => [SandboxScenario.UntrustedCertificate];

    public static IEnumerable<SandboxScenario> RateLimited() => [SandboxScenario.RateLimited, SandboxScenario.RateLimitedDate];

    public static IEnumerable<SandboxScenario> RefusedKey() => [SandboxScenario.RefusedKey];

    public static IEnumerable<SandboxScenario> ExtraFields() => [SandboxScenario.ExtraFields];

    public static IEnumerable<SandboxScenario> WriteDropped() => [SandboxScenario.WriteDropped];
}
