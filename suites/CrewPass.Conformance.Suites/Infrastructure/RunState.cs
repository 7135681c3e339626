using System.Collections.Concurrent;
using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Settings;
using CrewPass.Reference;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>The run's targets, started and probed once, when the run begins (never while tests are listed).</summary>
public sealed record RunState(
    HarnessSettings? Settings,
    IReadOnlyList<TargetUnderTest> Targets,
    IReadOnlyList<string> Problems,
    int FuzzSeed,
    IProducerConsumerCollection<ReferenceHost> EmbeddedHosts,
    IReadOnlyList<KnownDeviation> KnownDeviations,
    DateTimeOffset StartedAt);
