using System.Collections.Concurrent;
using System.Text;
using CrewPass.Conformance.Certification;
using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Service;

/// <summary>
/// Certificates' PDFs, printed when first asked for, from the report stored with the session, and then kept with
/// it: a judgement never waits for Chromium, no CPU goes to pictures nobody downloads, and any instance prints one.
/// </summary>
public sealed class CertificatePictures(CertificationStore store, Func<Uri> issuer)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _printing = new(StringComparer.Ordinal);

    /// <summary>The session's certificate PDF; null without a certificate, or without Chromium to print it.</summary>
    public async Task<byte[]?> GetAsync(HostedSession session)
    {
        if (session.CertificateId is not { } id || store.Find(id) is not { } certificate) return null;
        if (store.File(session.Id, Certificate.ClientFileName) is { } stored) return stored;
        if (store.File(session.Id, ReportWriter.JsonFile) is not { } report) return null;
        // Two downloads at once print once.
        await _printing.GetOrAdd(session.Id, _ => new Lazy<Task>(() =>
            PrintAsync(session.Id, ReportWriter.FromJson(Encoding.UTF8.GetString(report)), certificate.Claims))).Value;
        return store.File(session.Id, Certificate.ClientFileName);
    }

    /// <summary>
    /// The PDF naming the certificate's id, its issuer and how to verify it; none without Chromium or Playwright's
    /// driver (the signed certificate.json is the certificate, the PDF its picture).
    /// </summary>
    private async Task PrintAsync(string session, ConformanceReport report, CertificateClaims claims)
    {
        if (Conformance.Browser.Chromium.Find(null) is not { } chromium) return;
        var issued = $"Issued by CrewPass ({issuer()}) as certificate {claims.Id}; verify it: " +
                     $"crewpass-conformance verify certificate.json --issuer {issuer()}";
        var pdf = Path.Combine(Path.GetTempPath(), $"crewpass-certificate-{Guid.NewGuid():N}.pdf");
        try
        {
            await Certificate.WriteClientAsync(report, claims.ReportSha256, chromium, pdf, issued);
            store.SaveFile(session, Certificate.ClientFileName, await File.ReadAllBytesAsync(pdf));
        }
        catch (Microsoft.Playwright.PlaywrightException)
        {
            // No Playwright driver beside this host: no picture.
        }
        finally
        {
            File.Delete(pdf);
            _printing.TryRemove(session, out _);
        }
    }
}
