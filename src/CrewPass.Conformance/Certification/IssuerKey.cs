using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CrewPass.Conformance.Certification;

/// <summary>
/// The certification service's signing key: ECDSA P-256 (ES256). Made at first start in the data folder, or loaded
/// from a PEM or PFX file; its public half is served as a JWKS, its id is the key's RFC 7638 thumbprint.
/// </summary>
public sealed class IssuerKey
{
    public const string FileName = "issuer-key.pem";

    private IssuerKey(ECDsa key)
    {
        if (key.KeySize != 256)
            throw new ArgumentException($"the issuer key must be ECDSA P-256; this one has {key.KeySize} bits");
        var security = new ECDsaSecurityKey(key);
        KeyId = Base64UrlEncoder.Encode(security.ComputeJwkThumbprint());
        SigningKey = new ECDsaSecurityKey(key) { KeyId = KeyId };
    }

    public string KeyId { get; }

    public ECDsaSecurityKey SigningKey { get; }

    /// <summary>The key in <paramref name="folder"/>, made there (readable by its owner only) when there is none.</summary>
    public static IssuerKey LoadOrCreate(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path)) return Load(path);
        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new StreamWriter(path, options)) file.Write(pem);
        return Load(path);
    }

    /// <summary>A PEM private key, or a PFX (PKCS#12) holding one with its certificate.</summary>
    public static IssuerKey Load(string path, string? password = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no issuer key at {path}", path);
        if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12",
            StringComparison.OrdinalIgnoreCase))
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return new IssuerKey(certificate.GetECDsaPrivateKey() ??
                throw new ArgumentException($"{path} holds no ECDSA private key"));
        }
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return new IssuerKey(key);
    }

    /// <summary>The public key as a JSON Web Key Set, as served at /.well-known/jwks.json.</summary>
    public string Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(SigningKey);
        var key = new Dictionary<string, string>
        {
            ["kty"] = jwk.Kty,
            ["crv"] = jwk.Crv,
            ["x"] = jwk.X,
            ["y"] = jwk.Y,
            ["kid"] = KeyId,
            ["use"] = "sig",
            ["alg"] = "ES256",
        };
        return JsonSerializer.Serialize(new { keys = new[] { key } });
    }
}
