using System.Collections;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>
/// The environment a run reads its CREWPASS_* settings from: the process's, as dotnet test gives it; or the run's own,
/// given before the run loads when several runs share one process (the harness's CrewPass.Conformance.Runner --serve),
/// where one process environment cannot hold each run's settings. Each run loads the suites afresh, so this is per run.
/// </summary>
public static class RunEnvironment
{
    /// <summary>The run's own variables; null: the process's.</summary>
    public static IReadOnlyDictionary<string, string>? Given { get; set; }

    public static IReadOnlyDictionary<string, string> Variables => Given ?? Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
        .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);

    public static string? Get(string name) => Given is { } given ? given.GetValueOrDefault(name) : Environment.GetEnvironmentVariable(name);
}
