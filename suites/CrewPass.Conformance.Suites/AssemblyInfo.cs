global using FluentAssertions;
using NUnit.Framework;

// Checks are independent (each reads or probes; none changes another's data), so they run side by side. The suites
// whose checks build on one another's state (a write, a clock reading, one exhaustion) keep their children in order.
[assembly: Parallelizable(ParallelScope.All)]
// The work is waiting on sockets, not computing, so more workers than cores pay off; more than this crowds the cores at
// the start. A far-away deployment needs no more: its shared reads go ahead of the checks (RunLifecycle.SendAhead).
[assembly: LevelOfParallelism(16)]
