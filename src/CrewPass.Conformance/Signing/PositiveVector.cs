namespace CrewPass.Conformance.Signing;

public sealed record PositiveVector(string Name, string Why, string Secret, string Timestamp, string Nonce, byte[] Body, byte[] Message, string Signature)
{
    public override string ToString() => Name;
}
