using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Settings;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>The check needs a key or setting the target did not provide: a skip naming it, a failure under Strict.</summary>
public sealed class NeedsSetting(string setting, string how)
    : CheckEnded($"needs {setting}" + (SettingDefinitions.Find(setting) is { } d ? $" ({d.EnvironmentName})" : "") + $": {how}", Outcomes.Skipped)
{
    public string Setting { get; } = setting;
}
