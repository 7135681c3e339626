using CrewPass.Conformance.Http;
using CrewPass.Conformance.Keys;
using Bogus;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

public sealed class ClientTests
{
    /// <summary>AUTH-07: the harness refuses before connecting; the host does not even resolve, so any attempt would be "unreachable".</summary>
    [Test]
    public async Task A_key_is_never_sent_over_cleartext_to_a_non_loopback_host()
    {
        using var client = new ConformanceClient(new Uri("http://partners.example.invalid"), CertificateTrust.From(null), TimeSpan.FromSeconds(5));
        var before = RequestLedger.Total;
        var send = () => client.GetAsync("/api/v2/partners/me", r => r.WithBearer("cpk_live_" + new string('a', 24)));
        (await send.Should().ThrowAsync<TransportException>()).Which.Failure.Should().Be(TransportFailure.Refused);
        RequestLedger.Total.Should().Be(before, "nothing may be sent");
    }

    /// <summary>Outside the rate-limit checks a 429 means "wait", not "non-conformant": the client waits Retry-After and asks again.</summary>
    [Test]
    public async Task The_client_waits_out_a_429_and_retries()
    {
        await using var deployment = await CrewPass.Reference.ReferenceHost.StartAsync(new CrewPass.Reference.ReferenceOptions());
        using var client = new ConformanceClient(new Uri(deployment.BaseUrl), CertificateTrust.From(deployment.CaCertificatePem), TimeSpan.FromSeconds(10));
        var waitedBefore = RequestLedger.Waited;
        var statuses = new List<int>();
        for (var i = 0; i < CrewPass.Reference.PartnerDirectory.RateLimitPartnerLimit + 5; i++)
            statuses.Add((await client.GetAsync("/api/v2/partners/me", r => r.WithBearer(deployment.Credentials.RateLimitKey))).Status);
        statuses.Should().OnlyContain(s => s == 200);
        RequestLedger.Waited.Should().BeGreaterThan(waitedBefore);
    }

    [Test]
    public void Preflight_refuses_a_cleartext_remote_BaseUrl_but_allows_loopback()
    {
        FluentActions.Invoking(() => Preflight.CheckTransport(new Uri("http://partners.crewpass.co.uk")))
            .Should().Throw<Settings.HarnessConfigurationException>().Which.Setting.Should().Be("BaseUrl");
        FluentActions.Invoking(() => Preflight.CheckTransport(new Uri("http://127.0.0.1:8080"))).Should().NotThrow();
    }

    [TestCase("{LiveKey:truncated}", "cpk_live_abcdefghijklmnopqrstuvw")]
    [TestCase("{LiveKey:appended}", "cpk_live_abcdefghijklmnopqrstuvwxx")]
    [TestCase("{LiveKey:swapcase}", "CPK_LIVE_ABCDEFGHIJKLMNOPQRSTUVWX")]
    [TestCase("sk_live_{LiveKey:body}", "sk_live_abcdefghijklmnopqrstuvwx")]
    [TestCase("Basic {LiveKey:basic}", "Basic Y3BrX2xpdmVfYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4Og==")]
    [TestCase("cpk_live_{repeat:A:3}{char:7f}", "cpk_live_AAA\u007f")]
    public void Templates_fill_in_the_named_key(string template, string expected) =>
        CredentialTemplate.Fill(template, _ => "cpk_live_abcdefghijklmnopqrstuvwx", new Randomizer(1)).Should().Be(expected);

    [Test]
    public void Generated_keys_depend_only_on_the_seed() =>
        CredentialCorpus.Generated(42, 12).Should().BeEquivalentTo(CredentialCorpus.Generated(42, 12))
            .And.NotBeEquivalentTo(CredentialCorpus.Generated(43, 12));
}
