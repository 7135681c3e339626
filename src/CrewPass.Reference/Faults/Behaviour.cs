namespace CrewPass.Reference;

/// <summary>
/// Everything an instance does where a fault could make it do otherwise, by concern. <see cref="Faithful"/> is the
/// contract; <see cref="FaultBehaviours.Compose"/> bends it once, when the instance is made, and the handlers read it.
/// </summary>
public sealed record Behaviour(
    CredentialRules Credentials, ErrorRules Errors, ReadRules Reads, LimiterRules Limits, SignatureRules Signatures, ResponseRules Responses)
{
    public static Behaviour Faithful { get; } = new(new(), new(), new(), new(), new(), new());
}
