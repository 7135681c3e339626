using CrewPass.Conformance.Certification;
using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Service;

/// <summary>
/// The service as the certificates' issuer: its key, its public URL, and what it keeps of each it issues.
/// </summary>
public sealed class Issuer(IssuerKey key, Func<Uri> url, CertificationStore store)
{
    public IssuerKey Key => key;

    public Uri Url => url();

    /// <summary>
    /// Signs and registers the certificate of a clean judgement, and keeps its PDF with the session: its id.
    /// </summary>
    public async Task<string> IssueAsync(ClientJudgement judgement, HostedSession session, string reportSha256,
        string folder)
    {
        var claims = judgement.ClaimsFor("cert_" + Guid.NewGuid().ToString("N"), Url.ToString(), session.Partner,
            session.Client, reportSha256, DateTimeOffset.UtcNow);
        store.Register(claims, SignedCertificate.Issue(claims, key));
        if (await PrintAsync(judgement.Report, reportSha256, folder, claims) is { } pdf)
            store.SaveFile(session.Id, Certificate.ClientFileName, await File.ReadAllBytesAsync(pdf));
        return claims.Id;
    }

    /// <summary>
    /// The certificate's PDF, naming its id, its issuer and how to verify it; none without Chromium (the signed
    /// certificate.json is the certificate, the PDF its picture).
    /// </summary>
    private async Task<string?> PrintAsync(ConformanceReport report, string sha256, string folder,
        CertificateClaims claims)
    {
        if (Conformance.Browser.Chromium.Find(null) is not { } chromium) return null;
        var issued = $"Issued by CrewPass ({Url}) as certificate {claims.Id}; verify it: " +
                     $"crewpass-conformance verify certificate.json --issuer {Url}";
        var pdf = Path.Combine(folder, Certificate.ClientFileName);
        try
        {
            await Certificate.WriteClientAsync(report, sha256, chromium, pdf, issued);
            return pdf;
        }
        catch (Microsoft.Playwright.PlaywrightException)
        {
            // No Playwright driver beside this host (the tool's package carries it for its suites only): no picture.
            return null;
        }
    }
}
