namespace CrewPass.Conformance.Signing;

/// <summary>The three signature headers of one request.</summary>
public sealed record SignatureHeaders(string Timestamp, string Nonce, string Signature)
{
    public const string TimestampHeader = "X-CrewPass-Timestamp";
    public const string NonceHeader = "X-CrewPass-Nonce";
    public const string SignatureHeader = "X-CrewPass-Signature";
}
