namespace CrewPass.Conformance.Certification;

/// <summary>The verdict on a certificate: valid or not, why in one line, and what it claims (when its signature held).</summary>
public sealed record Verification(bool Valid, string Reason, CertificateClaims? Claims)
{
    public static Verification Invalid(string reason, CertificateClaims? claims = null) => new(false, reason, claims);
}
