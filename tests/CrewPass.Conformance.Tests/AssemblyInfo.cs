using NUnit.Framework;

// Most harness tests wait on a run in another process (the warm runner, dotnet test, a sandbox): with NUnit's default
// of one worker per core (2 here), two runs that mostly wait (latency, eight sandboxes) left the cores idle. Three:
// the harness alone 233 and 209 s with two workers against 223 and 179 s with three (interleaved pairs), the cores
// busy 1.85 of 2 on average against 1.7; the matrices' set-up still runs alone (a set-up fixture is not parallel).
[assembly: LevelOfParallelism(3)]
