using NUnit.Framework;

// Fixtures are independent (each check reads or probes; none changes another's data), so they run side by side.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
