using CrewPass.Conformance.Certification;

namespace CrewPass.Conformance.Service;

/// <summary>
/// The service as the certificates' issuer: its key, its public URL, and what it keeps of each it issues.
/// </summary>
public sealed class Issuer
{
    private readonly IssuerKey _key;
    private readonly Func<Uri> _url;
    private readonly CertificationStore _store;

    public Issuer(IssuerKey key, Func<Uri> url, CertificationStore store)
    {
        (_key, _url, _store) = (key, url, store);
        Pictures = new CertificatePictures(store, url);
    }

    public IssuerKey Key => _key;

    public Uri Url => _url();

    public CertificatePictures Pictures { get; }

    /// <summary>Signs and registers the certificate of a clean judgement: its id.</summary>
    public string Issue(ClientJudgement judgement, HostedSession session, string reportSha256)
    {
        var claims = judgement.ClaimsFor("cert_" + Guid.NewGuid().ToString("N"), Url.ToString(), session.Partner,
            session.Client, reportSha256, DateTimeOffset.UtcNow);
        _store.Register(claims, SignedCertificate.Issue(claims, _key));
        return claims.Id;
    }
}
