using NUnit.Framework;

// Most harness tests wait on a run in another process (the warm runner, dotnet test, a sandbox): with NUnit's default
// of one worker per core, two runs that mostly wait (latency, eight sandboxes) left the cores idle. One more worker
// keeps them busy (bench/figures.md); the matrices' set-up still runs alone (a set-up fixture is not parallel).
[assembly: LevelOfParallelism(3)]
