using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrewPass.Conformance.Certification;

/// <summary>
/// certificate.json: the claims signed with ES256, as a flattened JWS (RFC 7515 §7.2.2), so anyone holding the
/// issuer's public keys can check it offline, and the report's SHA-256 binds it to one stored report.
/// </summary>
public static class SignedCertificate
{
    public const string FileName = "certificate.json";
    public const string TokenType = "crewpass-client-certificate+jwt";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Issue(CertificateClaims claims, IssuerKey key)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = claims.Issuer,
            IssuedAt = claims.IssuedAt.UtcDateTime,
            NotBefore = claims.IssuedAt.UtcDateTime,
            Expires = claims.ExpiresAt.UtcDateTime,
            TokenType = TokenType,
            SigningCredentials = new SigningCredentials(key.SigningKey, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Jti] = claims.Id,
                [JwtRegisteredClaimNames.Sub] = claims.Partner,
                ["client"] = claims.Client,
                ["scenarios"] = claims.Scenarios.ToArray(),
                ["clauses_passed"] = claims.ClausesPassed.ToArray(),
                ["harness_version"] = claims.HarnessVersion,
                ["report_sha256"] = claims.ReportSha256,
                ["not_judged"] = claims.NotJudged.ToArray(),
            },
        };
        var parts = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor).Split('.');
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["protected"] = parts[0],
            ["payload"] = parts[1],
            ["signature"] = parts[2]
        }, Indented);
    }

    /// <summary>The compact form of a certificate file's JWS, or null when the text is no flattened JWS.</summary>
    public static string? Compact(string certificateJson)
    {
        try
        {
            var node = JsonNode.Parse(certificateJson);
            return node?["protected"]?.GetValue<string>() is { } header
                && node["payload"]?.GetValue<string>() is { } payload
                   && node["signature"]?.GetValue<string>() is { } signature
                ? $"{header}.{payload}.{signature}"
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The claims a validated token carries.</summary>
    public static CertificateClaims ClaimsOf(JsonWebToken token) => new(
        token.Id,
        token.Issuer,
        token.Subject,
        token.GetPayloadValue<string>("client"),
        token.GetPayloadValue<List<string>>("scenarios"),
        token.GetPayloadValue<List<string>>("clauses_passed"),
        token.GetPayloadValue<string>("harness_version"),
        new DateTimeOffset(token.IssuedAt, TimeSpan.Zero),
        new DateTimeOffset(token.ValidTo, TimeSpan.Zero),
        token.GetPayloadValue<string>("report_sha256"),
        token.GetPayloadValue<List<string>>("not_judged"));

    public static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
