using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrewPass.Conformance.Certification;
using Microsoft.IdentityModel.Tokens;

namespace CrewPass.Conformance.Tool;

/// <summary>
/// `verify certificate.json`: checks a CrewPass-issued client certificate, offline with the issuer's JWKS file, or
/// online with the issuer's URL (its keys, and whether the certificate was revoked). Exits 0 when valid, 1 when not,
/// naming why in one line.
/// </summary>
public static class VerifyVerb
{
    public const int Valid = 0;
    public const int NotValid = 1;

    public static Command Create()
    {
        var certificate = new Argument<FileInfo>("certificate") { Description = "The certificate.json the service issued." };
        var report = new Option<FileInfo?>("--report") { Description = "The conformance-report.json it was issued on: its SHA-256 must match.", HelpName = "FILE" };
        var issuer = new Option<string?>("--issuer") { Description = "The issuer's base URL: its keys (/.well-known/jwks.json) and registry (revocation).", HelpName = "URL" };
        var jwks = new Option<FileInfo?>("--jwks") { Description = "The issuer's JWKS file, to verify offline (no revocation check).", HelpName = "FILE" };
        var command = new Command("verify",
            "Verify a CrewPass-issued client certificate: signature, report hash, expiry and (with --issuer) revocation.")
        {
            certificate, report, issuer, jwks,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(issuer) is null) == (result.GetValue(jwks) is null))
                result.AddError("name the issuer's keys: --issuer URL (online) or --jwks FILE (offline), one of the two");
            if (result.GetValue(issuer) is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
                result.AddError($"--issuer: '{url}' is not an absolute URL (https://…)");
        });
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(certificate)!, parse.GetValue(report),
            parse.GetValue(issuer) is { } url ? new Uri(url.EndsWith('/') ? url : url + "/") : null,
                parse.GetValue(jwks), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo certificate, FileInfo? report, Uri? issuer, FileInfo? jwks, CancellationToken cancellation)
    {
        if (!certificate.Exists) return Say(Verification.Invalid($"no certificate at {certificate.FullName}"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        JsonWebKeySet keys;
        try
        {
            keys = new JsonWebKeySet(jwks is not null ? await File.ReadAllTextAsync(jwks.FullName, cancellation)
                : await http.GetStringAsync(new Uri(issuer!, ".well-known/jwks.json"), cancellation));
        }
        catch (Exception e) when (e is IOException or HttpRequestException or ArgumentException or TaskCanceledException)
        {
            return Say(Verification.Invalid($"the issuer's keys could not be read ({jwks?.FullName ?? issuer!.ToString()}): {e.Message}"));
        }
        Func<string, Task<CertificateStatus>>? registry = issuer is null ? null : id => StatusAsync(http, issuer, id,
            cancellation);
        var verification = await CertificateVerifier.VerifyAsync(await File.ReadAllTextAsync(certificate.FullName,
            cancellation), keys,
            report?.FullName, registry, DateTimeOffset.UtcNow);
        return Say(verification);
    }

    /// <summary>GET {issuer}/api/certificates/{id}: its status, or Unknown when the registry has no such certificate.</summary>
    private static async Task<CertificateStatus> StatusAsync(
        HttpClient http, Uri issuer, string id, CancellationToken cancellation)
    {
        using var answer = await http.GetAsync(new Uri(issuer, $"api/certificates/{Uri.EscapeDataString(id)}"),
            cancellation);
        if (!answer.IsSuccessStatusCode) return CertificateStatus.Unknown;
        var status = (await answer.Content.ReadFromJsonAsync<JsonObject>(cancellation))?["status"]?.GetValue<string>();
        return Enum.TryParse<CertificateStatus>(status, ignoreCase: true, out var parsed) ? parsed
            : CertificateStatus.Unknown;
    }

    private static int Say(Verification verification)
    {
        (verification.Valid ? Console.Out : Console.Error).WriteLine((verification.Valid ? ""
            : "not valid: ") + verification.Reason);
        return verification.Valid ? Valid : NotValid;
    }
}
