namespace CrewPass.Conformance.Settings;

/// <summary>Bad input to the harness: one message that names the setting to fix.</summary>
public sealed class HarnessConfigurationException(string setting, string message) : Exception(message)
{
    public string Setting { get; } = setting;
}
