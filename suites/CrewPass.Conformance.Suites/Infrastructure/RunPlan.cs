using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Settings;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>
/// What a run will check, read from its settings alone: no server started, no request sent. Listing the tests needs
/// only this, so discovery has no side effects and test names are the same wherever the target is.
/// </summary>
public sealed record RunPlan(
    HarnessSettings? Settings,
    IReadOnlyList<string> TargetNames,
    IReadOnlyList<string> Problems,
    int FuzzSeed,
    IReadOnlyList<KnownDeviation> KnownDeviations);
