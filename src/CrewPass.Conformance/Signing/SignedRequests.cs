namespace CrewPass.Conformance.Signing;

public static class SignedRequests
{
    /// <summary>The request with the three signature headers, less the one named in <paramref name="omit"/>.</summary>
    public static Http.ApiRequest Signed(this Http.ApiRequest request, SignatureHeaders headers, string? omit = null)
    {
        foreach (var (name, value) in new[]
                 {
                     (SignatureHeaders.TimestampHeader, headers.Timestamp),
                     (SignatureHeaders.NonceHeader, headers.Nonce),
                     (SignatureHeaders.SignatureHeader, headers.Signature),
                 })
            if (name != omit) request = request.WithHeader(name, value);
        return request;
    }
}
