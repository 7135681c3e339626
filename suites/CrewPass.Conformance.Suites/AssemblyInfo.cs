global using FluentAssertions;
using NUnit.Framework;

// Checks are independent (each reads or probes; none changes another's data), so they run side by side. The suites
// whose checks build on one another's state (a write, a clock reading, one exhaustion) keep their children in order.
[assembly: Parallelizable(ParallelScope.All)]
// The work is waiting on sockets, not computing, so more workers than cores pay off: as many as the requests a target
// may have in flight (MaxInFlight), or a slow network leaves the run waiting with idle sockets (bench --scale).
[assembly: LevelOfParallelism(64)]
