using NUnit.Framework;

// Most harness tests wait on a run in another process (the warm runner, dotnet test, a sandbox): with NUnit's default
// of one worker per core (2 here), two runs that mostly wait (latency, eight sandboxes) left the cores idle. Three:
// the harness alone 184 to 176 s, the cores busy 1.7 to 1.85 of 2 on average (one run each, CPU sampled per second);
// the matrices' set-up still runs alone (a set-up fixture is not parallel).
[assembly: LevelOfParallelism(3)]
