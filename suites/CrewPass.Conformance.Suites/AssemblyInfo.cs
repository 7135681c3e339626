using NUnit.Framework;

// Fixtures are independent (each check reads or probes; none changes another's data), so they run side by side.
[assembly: Parallelizable(ParallelScope.Fixtures)]
// The work is waiting on sockets, not computing, so more workers than cores pay off.
[assembly: LevelOfParallelism(8)]
