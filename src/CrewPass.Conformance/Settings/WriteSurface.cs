namespace CrewPass.Conformance.Settings;

/// <summary>Whether the deployment ships the v2 write surface (WriteSurface): this release does not.</summary>
public enum WriteSurface
{
    Disabled,
    Enabled,
}
