using CrewPass.Conformance.Http;

namespace CrewPass.Conformance.Signing;

/// <summary>The three signature headers of one request.</summary>
public sealed record SignatureHeaders(string Timestamp, string Nonce, string Signature)
{
    public const string TimestampHeader = HeaderNames.Timestamp;
    public const string NonceHeader = HeaderNames.Nonce;
    public const string SignatureHeader = HeaderNames.Signature;
}
