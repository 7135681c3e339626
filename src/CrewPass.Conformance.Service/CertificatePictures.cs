using System.Collections.Concurrent;
using CrewPass.Conformance.Certification;
using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Service;

/// <summary>
/// Certificates' PDFs: printed in the background once a certificate is issued, so a judgement does not wait for
/// Chromium, and kept with the session. One asked for before its printing started here (another instance issued it,
/// or the one that did died) is printed then, from the stored recording judged again.
/// </summary>
public sealed class CertificatePictures(CertificationStore store, HostedSandbox sandbox, Func<Uri> issuer)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _printing = new(StringComparer.Ordinal);

    public void Start(string session, ConformanceReport report, CertificateClaims claims) =>
        _ = Printing(session, () => PrintAsync(session, report, claims)).Value;

    /// <summary>The session's certificate PDF; null without a certificate, or without Chromium to print it.</summary>
    public async Task<byte[]?> GetAsync(HostedSession session)
    {
        if (session.CertificateId is not { } id || store.Find(id) is not { } certificate) return null;
        if (store.File(session.Id, Certificate.ClientFileName) is { } stored) return stored;
        await Printing(session.Id, () => ReprintAsync(session, certificate.Claims)).Value;
        return store.File(session.Id, Certificate.ClientFileName);
    }

    private Lazy<Task> Printing(string session, Func<Task> print) =>
        _printing.GetOrAdd(session, _ => new Lazy<Task>(() => Task.Run(print)));

    private async Task ReprintAsync(HostedSession session, CertificateClaims claims)
    {
        var folder = SessionEndpoints.Scratch(session.Id);
        try
        {
            await PrintAsync(session.Id, (await sandbox.JudgeAsync(session, folder)).Report, claims);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
