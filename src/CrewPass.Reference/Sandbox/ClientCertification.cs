namespace CrewPass.Reference;

/// <summary>
/// The scenario a client-certification sandbox plays, where it records, and the seed of its generated fields. A hosted
/// session gives its own sink, nonce store and memory (the service's database); the local sandbox keeps them in a
/// folder and in this process.
/// </summary>
public sealed record ClientCertification(ClientScenario Scenario, string RecordTo, int Seed)
{
    public IRecordingSink? Sink { get; init; }

    public INonceStore? Nonces { get; init; }

    public IScenarioMemory? Memory { get; init; }
}
