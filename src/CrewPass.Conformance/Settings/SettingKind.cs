namespace CrewPass.Conformance.Settings;

public enum SettingKind
{
    /// <summary>Where the target is and what to trust.</summary>
    Target,
    /// <summary>A key or secret: environment or runsettings only, never a profile; always redacted.</summary>
    Secret,
    /// <summary>A convention of the deployment; may come from the profile file.</summary>
    Profile,
    /// <summary>How the run behaves (gate, strictness, output).</summary>
    Run,
}
