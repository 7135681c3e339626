namespace CrewPass.Reference;

/// <summary>The scenario a client-certification sandbox plays, where it records, and the seed of its generated fields.</summary>
public sealed record ClientCertification(ClientScenario Scenario, string RecordTo, int Seed);
