namespace CrewPass.Conformance.Certification;

/// <summary>A certificate's standing in the issuer's registry.</summary>
public enum CertificateStatus
{
    Valid,
    Expired,
    Revoked,
    Unknown,
}
