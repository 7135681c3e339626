using CrewPass.Conformance.Settings;

namespace CrewPass.Conformance.Verdicts;

/// <summary>An optional setting's value, or the skip that names it (a failure under Strict=true).</summary>
public static class Needs
{
    public static string Value(HarnessSettings settings, string setting)
    {
        if (settings[setting] is { } value) return value;
        var definition = SettingDefinitions.Find(setting)!;
        throw new NeedsSetting(setting, $"set {definition.EnvironmentName} or the runsettings parameter {setting}. {definition.Description}");
    }
}
