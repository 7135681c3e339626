using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CrewPass.Reference;

/// <summary>A private CA made at start, and a server certificate for 127.0.0.1 and localhost signed by it.</summary>
public sealed class Certificates
{
    private Certificates(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    public X509Certificate2 Authority { get; }
    public X509Certificate2 Server { get; }

    /// <summary>What a client must trust (CaCertificate, as curl --cacert takes it).</summary>
    public string AuthorityPem => Authority.ExportCertificatePem();

    /// <summary>
    /// The certificates every instance this process starts serves: one key, so a browser told to trust it (Chromium's
    /// key
    /// pins, WEB-01) trusts every instance here, and a host running many runs keeps one browser for them
    /// (docs/speed.md).
    /// Each process still makes its own CA at start. Kept in the process's AppDomain data, not in a static: a host that
    /// loads this assembly afresh for each run (the harness's warm runner) still has one.
    /// </summary>
    public static Certificates Shared
    {
        get
        {
            // The AppDomain is the one object every load context of this assembly sees alike.
            lock (AppDomain.CurrentDomain)
            {
                if (AppDomain.CurrentDomain.GetData(SharedSlot) is not X509Certificate2[] { Length: 2 } pair)
                {
                    var made = Create();
                    AppDomain.CurrentDomain.SetData(SharedSlot, pair = [made.Authority, made.Server]);
                }
                return new Certificates(pair[0], pair[1]);
            }
        }
    }

    private const string SharedSlot = "CrewPass.Reference.Certificates";

    /// <summary>
    /// The CA's certificate and the server's with its key, as one PKCS#12: what a service keeps to serve the same ones
    /// after a restart.
    /// </summary>
    public byte[] Export()
    {
        var both = new X509Certificate2Collection { Server, X509CertificateLoader.LoadCertificate(Authority.RawData) };
        return both.Export(X509ContentType.Pkcs12)!;
    }

    /// <summary>What <see cref="Export"/> wrote.</summary>
    public static Certificates Import(byte[] pkcs12)
    {
        var both = X509CertificateLoader.LoadPkcs12Collection(pkcs12, null);
        var server = both.Single(c => c.HasPrivateKey);
        foreach (var usage in server.Extensions.OfType<X509EnhancedKeyUsageExtension>()) _ = usage.EnhancedKeyUsages;
        return new Certificates(both.Single(c => !c.HasPrivateKey), server);
    }

    /// <summary>
    /// A new CA and server certificate, unlike any other: for an instance that must present one nobody trusts.
    /// </summary>
    /// <param name="validity">How long both are good for: a month for a run's instance, longer for a service's
    /// sandbox.</param>
    public static Certificates Create(TimeSpan? validity = null)
    {
        var now = DateTimeOffset.UtcNow;
        var until = now + (validity ?? TimeSpan.FromDays(30));
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=CrewPass Reference CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var authority = caRequest.CreateSelfSigned(now.AddMinutes(-5), until);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(authority, now.AddMinutes(-5), until, RandomNumberGenerator.GetBytes(16));
        using var withKey = issued.CopyWithPrivateKey(serverKey);
        // Kestrel on Linux wants a certificate whose key it can use after the ephemeral key object is gone.
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        // Decoded here, before any host shares it: the EKU extension decodes on first read straight into its field (an
        // empty collection, then filled), so hosts starting at once (Kestrel checks it for server authentication) could
        // see no usages. Once a whole fault matrix failed to start so; 3 in 7,500 rounds of concurrent first reads,
        // none
        // with this read first.
        foreach (var usage in server.Extensions.OfType<X509EnhancedKeyUsageExtension>()) _ = usage.EnhancedKeyUsages;
        return new Certificates(authority, server);
    }
}
