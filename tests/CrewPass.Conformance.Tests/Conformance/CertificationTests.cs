using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CrewPass.Conformance.Certification;
using FluentAssertions;
using Microsoft.IdentityModel.Tokens;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// A CrewPass-issued certificate means what it says: its signature, its report's hash, its expiry and its standing in
/// the registry are each checked, and each way of faking one is refused with its reason.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class CertificationTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static readonly Lazy<IssuerKey> Key = new(() => IssuerKey.LoadOrCreate(Scratch.NewFile("issuer")));

    private static JsonWebKeySet Keys => new(Key.Value.Jwks());

    private static (string Certificate, string Report) Issued(DateTimeOffset issuedAt, string folder)
    {
        var report = Path.Combine(folder, "conformance-report.json");
        File.WriteAllText(report, """{"gate":{"verdict":"passed"}}""");
        var claims = new CertificateClaims("cert_" + Guid.NewGuid().ToString("N")[..12],
            "https://certify.crewpass.example/", "Acme Shipping",
            "acme-dispatcher", ["plain", "rate-limited"], ["CLIENT-01", "CLIENT-02"], "1.0.0", issuedAt,
                issuedAt + CertificateClaims.Validity,
            SignedCertificate.Sha256Of(report), ["CLIENT-04's exit status"]);
        var certificate = Path.Combine(folder, SignedCertificate.FileName);
        File.WriteAllText(certificate, SignedCertificate.Issue(claims, Key.Value));
        return (certificate, report);
    }

    private static Task<Verification> VerifyAsync(
        string certificate, string? report, Func<string, Task<CertificateStatus>>? registry = null) =>
        CertificateVerifier.VerifyAsync(File.ReadAllText(certificate), Keys, report, registry, Now);

    [Test]
    public async Task An_issued_certificate_verifies_with_its_claims()
    {
        var (certificate, report) = Issued(Now, Scratch.NewFolder("valid"));
        var verification = await VerifyAsync(certificate, report);
        verification.Valid.Should().BeTrue(verification.Reason);
        verification.Claims!.Client.Should().Be("acme-dispatcher");
        verification.Claims.ClausesPassed.Should().Equal("CLIENT-01", "CLIENT-02");
        verification.Claims.NotJudged.Should().Equal("CLIENT-04's exit status");
        verification.Claims.ExpiresAt.Should().BeCloseTo(Now + CertificateClaims.Validity, TimeSpan.FromSeconds(1));
    }

    [Test]
    public async Task A_certificate_whose_payload_was_edited_is_refused()
    {
        var (certificate, report) = Issued(Now, Scratch.NewFolder("edited"));
        var jws = JsonNode.Parse(File.ReadAllText(certificate))!;
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(jws["payload"]!.GetValue<string>()))!;
        payload["client"] = "someone-else";
        jws["payload"] = Base64UrlEncoder.Encode(payload.ToJsonString());
        File.WriteAllText(certificate, jws.ToJsonString());
        var verification = await VerifyAsync(certificate, report);
        verification.Valid.Should().BeFalse();
        verification.Reason.Should().Contain("signature does not match");
    }

    [Test]
    public async Task A_report_edited_after_issue_is_refused()
    {
        var (certificate, report) = Issued(Now, Scratch.NewFolder("report"));
        File.AppendAllText(report, " ");
        (await VerifyAsync(certificate, report))
            .Should().Match<Verification>(v => !v.Valid && v.Reason.Contains("the certificate was issued on"));
    }

    [Test]
    public async Task A_certificate_signed_by_another_key_is_refused()
    {
        var (certificate, report) = Issued(Now, Scratch.NewFolder("other-key"));
        var other = new JsonWebKeySet(IssuerKey.LoadOrCreate(Scratch.NewFile("other-issuer")).Jwks());
        var verification = await CertificateVerifier.VerifyAsync(File.ReadAllText(certificate), other, report, null,
            Now);
        verification
            .Should().Match<Verification>(v => !v.Valid && v.Reason.Contains("key the issuer does not publish"));
    }

    [Test]
    public async Task An_expired_or_revoked_certificate_is_refused()
    {
        var (old, _) = Issued(Now.AddDays(-400), Scratch.NewFolder("expired"));
        (await VerifyAsync(old, null)).Should().Match<Verification>(v => !v.Valid && v.Reason.StartsWith("expired on"));
        var (revoked, report) = Issued(Now, Scratch.NewFolder("revoked"));
        (await VerifyAsync(revoked, report, _ => Task.FromResult(CertificateStatus.Revoked)))
            .Should().Match<Verification>(v => !v.Valid && v.Reason.StartsWith("revoked by"));
        (await VerifyAsync(revoked, report, _ => Task.FromResult(CertificateStatus.Unknown)))
            .Should().Match<Verification>(v => !v.Valid && v.Reason.Contains("has no certificate"));
    }

    [Test]
    public void The_issuer_key_is_made_once_readable_by_its_owner_only_and_kept()
    {
        var folder = Scratch.NewFile("key-folder");
        var first = IssuerKey.LoadOrCreate(folder);
        IssuerKey.LoadOrCreate(folder).KeyId.Should().Be(first.KeyId);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(Path.Combine(folder, IssuerKey.FileName))
                .Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        JsonNode.Parse(first.Jwks())!["keys"]![0]!["kid"]!.GetValue<string>().Should().Be(first.KeyId);
    }

    /// <summary>The tool's verb: 0 for a valid certificate, 1 naming why for a tampered one, for a revoked one (online).</summary>
    [Test]
    public async Task The_verify_verb_exits_0_when_valid_and_1_naming_why_when_not()
    {
        var folder = Scratch.NewFolder("verify-verb");
        var (certificate, report) = Issued(Now, folder);
        var jwks = Path.Combine(folder, "jwks.json");
        await File.WriteAllTextAsync(jwks, Key.Value.Jwks());
        var valid = await Tool.RunAsync("verify", certificate, "--report", report, "--jwks", jwks);
        valid.Code.Should().Be(0, valid.Output);
        valid.Output.Should().StartWith("valid: acme-dispatcher of Acme Shipping");

        File.AppendAllText(report, "\n");
        var edited = await Tool.RunAsync("verify", certificate, "--report", report, "--jwks", jwks);
        edited.Code.Should().Be(1, edited.Output);
        edited.Output.Trim().Split('\n')
            .Should().ContainSingle().Which.Should().StartWith("not valid: the report's SHA-256");

        using var issuer = StubIssuer("revoked");
        var revoked = await Tool.RunAsync("verify", certificate, "--issuer", issuer.Prefixes.Single());
        revoked.Code.Should().Be(1, revoked.Output);
        revoked.Output.Should().StartWith("not valid: revoked by");
    }

    /// <summary>An issuer on loopback that publishes the key and says every certificate has <paramref name="status"/>.</summary>
    private static HttpListener StubIssuer(string status)
    {
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{Loopback.UnusedPort()}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                var context = await listener.GetContextAsync();
                var body = context.Request.Url!.AbsolutePath == "/.well-known/jwks.json" ? Key.Value.Jwks() : $$"""{"status":"{{status}}"}""";
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
        return listener;
    }
}
