using CrewPass.Conformance.Certification;

namespace CrewPass.Conformance.Service;

/// <summary>A certificate in the registry: what it states, its signed form, whether and why it was revoked.</summary>
public sealed record RegisteredCertificate(CertificateClaims Claims, string Signed, DateTimeOffset? RevokedAt,
    string? RevokedWhy)
{
    public CertificateStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? CertificateStatus.Revoked : now >= Claims.ExpiresAt ? CertificateStatus.Expired
            : CertificateStatus.Valid;
}
