using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrewPass.Conformance.Certification;

/// <summary>
/// Checks a certificate: its signature against the issuer's keys, its expiry, the report it names (when given) and its
/// standing in the issuer's registry (when the issuer can be asked). Every "no" names why in one line.
/// </summary>
public static class CertificateVerifier
{
    /// <param name="registry">Asks the issuer for the certificate's status by id; null when offline.</param>
    public static async Task<Verification> VerifyAsync(string certificateJson, JsonWebKeySet keys, string? reportPath,
        Func<string, Task<CertificateStatus>>? registry, DateTimeOffset now)
    {
        if (SignedCertificate.Compact(certificateJson) is not { } compact)
            return Verification.Invalid("not a CrewPass certificate: the file is no JSON with protected, payload and signature");
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(compact, Parameters(keys));
        if (!result.IsValid) return Verification.Invalid(WhyNot(result.Exception));
        var claims = SignedCertificate.ClaimsOf((JsonWebToken)result.SecurityToken);
        if (now >= claims.ExpiresAt) return Verification.Invalid($"expired on {claims.ExpiresAt:yyyy-MM-dd}", claims);
        if (reportPath is not null && ReportProblem(reportPath,
            claims) is { } problem) return Verification.Invalid(problem, claims);
        var status = registry is null ? (CertificateStatus?)null : await registry(claims.Id);
        if (status is CertificateStatus.Revoked) return Verification.Invalid($"revoked by {claims.Issuer}", claims);
        if (status is CertificateStatus.Unknown) return Verification.Invalid($"{claims.Issuer} has no certificate {claims.Id} in its registry", claims);
        var standing = status is null ? "revocation not checked (offline: give --issuer to ask)" : "not revoked";
        return new Verification(true, $"valid: {claims.Client} of {claims.Partner}, certificate {claims.Id}, issued {claims.IssuedAt:yyyy-MM-dd} " +
                                      $"by {claims.Issuer}, expires {claims.ExpiresAt:yyyy-MM-dd}; {standing}", claims);
    }

    private static TokenValidationParameters Parameters(JsonWebKeySet keys) => new()
    {
        IssuerSigningKeys = keys.GetSigningKeys(),
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        ValidTypes = [SignedCertificate.TokenType],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = false,
        ValidateAudience = false,
        // Expiry is checked after the signature, so an expired certificate is named as such, not as unreadable.
        ValidateLifetime = false,
    };

    private static string WhyNot(Exception? failure) => failure switch
    {
        SecurityTokenSignatureKeyNotFoundException => "signed by a key the issuer does not publish",
        SecurityTokenInvalidSignatureException => "the signature does not match the certificate's content (altered after issue?)",
        SecurityTokenInvalidTypeException => "not a CrewPass client certificate (another token type)",
        SecurityTokenInvalidAlgorithmException => "signed with an algorithm other than ES256",
        _ => $"unreadable certificate: {failure?.GetType().Name ?? "no reason given"}",
    };

    private static string? ReportProblem(string reportPath, CertificateClaims claims)
    {
        if (!File.Exists(reportPath)) return $"no report at {reportPath}";
        var sha = SignedCertificate.Sha256Of(reportPath);
        return sha == claims.ReportSha256 ? null
            : $"the report's SHA-256 is {sha}, but the certificate was issued on {claims.ReportSha256}";
    }
}
