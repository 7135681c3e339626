using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CrewPass.Conformance.Settings;

namespace CrewPass.Conformance.Http;

/// <summary>
/// Trusts the system store, plus the CaCertificate PEM when given (as curl --cacert does). Never everything:
/// a wrong name, an unknown issuer or an expired certificate is refused, and the reason is kept for the message.
/// </summary>
public sealed class CertificateTrust
{
    private readonly X509Certificate2Collection _authorities;

    private CertificateTrust(X509Certificate2Collection authorities) => _authorities = authorities;

    public string? LastFailure { get; private set; }

    /// <summary>The leaf certificate the target presented, once a handshake has been made: a browser can be told to trust exactly it.</summary>
    public X509Certificate2? ServerCertificate { get; private set; }

    /// <summary>base64(SHA-256(SubjectPublicKeyInfo)) of the target's certificate, as Chromium's --ignore-certificate-errors-spki-list takes it.</summary>
    public string? ServerKeyPin => ServerCertificate is { } certificate
        ? Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()))
        : null;

    public static CertificateTrust From(string? caCertificate)
    {
        var authorities = new X509Certificate2Collection();
        if (caCertificate is null) return new CertificateTrust(authorities);
        var pem = caCertificate.Contains("-----BEGIN", StringComparison.Ordinal) ? caCertificate : ReadFile(caCertificate);
        try
        {
            authorities.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new HarnessConfigurationException("CaCertificate", $"CaCertificate: not a PEM certificate: {e.Message}");
        }
        if (authorities.Count == 0) throw new HarnessConfigurationException("CaCertificate", "CaCertificate: the PEM holds no certificate");
        return new CertificateTrust(authorities);
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chainSoFar, SslPolicyErrors errors)
    {
        if (certificate is not null) ServerCertificate ??= new X509Certificate2(certificate);
        if (errors == SslPolicyErrors.None) return true;
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            return Fail("the server sent no certificate");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            return Fail("the certificate does not name this host");
        if (_authorities.Count == 0)
            return Fail("the certificate is not trusted by the system store and no CaCertificate is set");
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        if (chain.Build(leaf)) return true;
        ServerCertificate = null;
        return Fail("the certificate does not chain to CaCertificate: " + string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim())));
    }

    private bool Fail(string reason)
    {
        LastFailure = reason;
        return false;
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HarnessConfigurationException("CaCertificate", $"CaCertificate: cannot read {path}: {e.Message}");
        }
    }
}
