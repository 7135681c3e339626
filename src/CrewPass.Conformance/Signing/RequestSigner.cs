using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CrewPass.Conformance.Signing;

/// <summary>
/// The page's v2 request signature: v1=hex(hmac_sha256(secret, "{timestamp}.{nonce}." + body)), over the raw body
/// bytes, in lowercase hex. Timestamp and nonce can be given, so vectors and clock-skew probes are exact.
/// </summary>
public static class RequestSigner
{
    /// <summary>The exact bytes that are signed.</summary>
    public static byte[] Message(string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}.{nonce}.");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return message;
    }

    public static string Sign(string secret, string timestamp, string nonce, ReadOnlySpan<byte> body) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Message(timestamp, nonce, body)));

    /// <summary>A fresh nonce as the page makes it: uuid4().hex, 32 lowercase hex digits.</summary>
    public static string NewNonce() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    public static SignatureHeaders Headers(string secret, ReadOnlySpan<byte> body, long unixSeconds, string? nonce = null)
    {
        var timestamp = unixSeconds.ToString(CultureInfo.InvariantCulture);
        nonce ??= NewNonce();
        return new SignatureHeaders(timestamp, nonce, Sign(secret, timestamp, nonce, body));
    }
}
