using System.Text.RegularExpressions;

namespace CrewPass.Conformance.Settings;

public sealed record SettingDefinition(string Name, SettingKind Kind, string? Default, string Description)
{
    /// <summary>A file path: in a profile it is relative to the profile file, elsewhere to the working directory.</summary>
    public bool IsPath { get; init; }

    /// <summary>The whole numbers the setting takes; null for a setting that is no number.</summary>
    public Bound? Bound { get; init; }

    /// <summary>The values a setting named by words may take (the first is the default's spelling).</summary>
    public IReadOnlyList<string>? OneOf { get; init; }

    /// <summary>CREWPASS_ and the name in upper snake case: LiveKey becomes CREWPASS_LIVE_KEY.</summary>
    public string EnvironmentName { get; } = "CREWPASS_" + Regex.Replace(Name, "(?<=[a-z0-9])(?=[A-Z])", "_").ToUpperInvariant();
}
