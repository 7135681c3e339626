namespace CrewPass.Conformance.Clients;

/// <summary>The scenarios a CLIENT check judges: one case per scenario of the set, or one case per client (<see cref="Run"/>).</summary>
public enum ScenarioSet
{
    /// <summary>Once per client, over every scenario it played.</summary>
    Run,

    /// <summary>Every scenario in which requests reach the sandbox.</summary>
    Served,
    Writes,
    UntrustedCertificate,
    RateLimited,
    RefusedKey,
    ExtraFields,
    WriteDropped,
}
