namespace CrewPass.Conformance.Service;

/// <summary>
/// What one session may ask of the shared sandbox: a client in a loop must not starve the others nor fill the disk. Far
/// above what a client's run needs (the Python sample sends a few requests a scenario), so a bound never shapes a
/// verdict.
/// </summary>
public static class SandboxBounds
{
    /// <summary>The largest request body, in bytes: the API's own bodies are a few hundred.</summary>
    public const int MaxBody = 64 * 1024;

    /// <summary>Requests a session may send in a burst, across its scenarios.</summary>
    public const int Burst = 100;

    /// <summary>Requests a second a session may send after its burst.</summary>
    public const int PerSecond = 20;
}
