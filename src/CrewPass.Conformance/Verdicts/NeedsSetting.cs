using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Settings;

namespace CrewPass.Conformance.Verdicts;

/// <summary>The check needs a key or setting the target did not provide: a skip naming it, a failure under Strict.</summary>
public sealed class NeedsSetting(string setting, string how)
    : CheckEnded($"needs {setting}" + (SettingDefinitions.Find(setting) is { } d ? $" ({d.EnvironmentName})"
        : "") + $": {how}", Outcome.Skipped)
{
    public string Setting { get; } = setting;
}
