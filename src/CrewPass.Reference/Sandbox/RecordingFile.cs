using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrewPass.Reference;

/// <summary>
/// The recording's file, recording.json: what the judge reads, whichever sink the sandbox kept it in.
/// </summary>
public static class RecordingFile
{
    public const string Format = "crewpass-client-recording";
    public const int FormatVersion = 1;
    public const string FileName = "recording.json";

    public static string SandboxVersion { get; } =
        typeof(RecordingFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Writes the recording whole, then renames it into place: a reader sees the last whole one, never half.
    /// </summary>
    public static void Write(string folder, ClientScenario scenario, int seed,
        IReadOnlyList<SandboxConnection> connections, IReadOnlyList<SandboxExchange> requests)
    {
        var json = JsonSerializer.Serialize(new Recording(Format, FormatVersion, SandboxVersion, scenario.Name(), seed,
            (int)ClientScenarios.RetryAfter.TotalSeconds, connections, requests), Json);
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, FileName + ".tmp");
        File.WriteAllText(temporary, json);
        File.Move(temporary, Path.Combine(folder, FileName), overwrite: true);
    }

    private sealed record Recording(string Format, int Version, string Sandbox, string Scenario, int Seed,
        int RetryAfterSeconds, IReadOnlyList<SandboxConnection> Connections, IReadOnlyList<SandboxExchange> Requests);
}
