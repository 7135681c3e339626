namespace CrewPass.Conformance.Certification;

/// <summary>What a CrewPass-issued client certificate states, each fact a claim of its signed payload.</summary>
/// <param name="Id">The certificate's id (the JWS's jti), the key of the registry and of revocation.</param>
/// <param name="ReportSha256">The SHA-256 of the stored conformance-report.json the certificate was issued on.</param>
/// <param name="NotJudged">The halves of clauses the judgement could not show (a hosted client's exit status): named, never passed.</param>
public sealed record CertificateClaims(
    string Id,
    string Issuer,
    string Partner,
    string Client,
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<string> ClausesPassed,
    string HarnessVersion,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    string ReportSha256,
    IReadOnlyList<string> NotJudged)
{
    /// <summary>How long a certificate holds from its issue.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(365);
}
