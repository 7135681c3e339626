using System.Net;
using System.Text;
using System.Text.Json;
using CrewPass.Conformance.Service;
using CrewPass.Conformance.Signing;
using CrewPass.Reference;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// The hosted sandbox as staff run it: the service killed with SIGKILL mid-session and started again, two instances on
/// one PostgreSQL, and the bounds a session meets. Each proof reads the database the service keeps.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class HostedSandboxTests
{
    public enum Storage { Sqlite, Postgres }

    /// <summary>
    /// One SIGKILL, two sessions: one already judged with its certificate issued, one in the middle of its scenarios.
    /// After the restart both recordings are as they were, the certificate is in the registry, and the second session
    /// goes on where it was (its keys, its CA, its untrusted-certificate port) to a clean judgement.
    /// </summary>
    [TestCase(Storage.Sqlite)]
    [TestCase(Storage.Postgres)]
    public async Task A_kill_9_mid_session_loses_no_recorded_request_and_no_issued_certificate(Storage storage)
    {
        var folder = Scratch.NewFolder("kill-9");
        var database = storage == Storage.Postgres ? await Postgres.NewDatabaseAsync() : null;
        await using var service = await ServiceProcess.StartAsync(Path.Combine(folder, "data"), database);
        var store = CertificationStore.Open(service.Data, database);
        using var judged = new HostedPartner(service.Url);
        using var midway = new HostedPartner(service.Url);
        var scenarios = HostedPartner.Scenarios(await judged.StartAsync(store.Invite("Acme Shipping"), "judged"));
        await midway.StartAsync(store.Invite("Borealis Marine"), "midway");
        await Task.WhenAll([.. scenarios.Select(s => judged.RunSampleAsync(s, Path.Combine(folder, "judged", s))),
            .. scenarios[..3].Select(s => midway.RunSampleAsync(s, Path.Combine(folder, "midway", s)))]);
        (await judged.JudgeAsync()).Should().Contain("class=\"passed\"",
            await judged.Http.GetStringAsync($"{judged.Session}/report.json"));
        var certificate = store.Session(judged.SessionId)!.CertificateId;
        var recorded = (Recorded(store, judged.SessionId), Recorded(store, midway.SessionId));
        recorded.Item2.Should().NotBeEmpty();

        await service.KillAsync();
        await service.RestartAsync();
        (Recorded(store, judged.SessionId), Recorded(store, midway.SessionId)).Should().Be(recorded,
            "every request answered before the kill is kept");
        (await judged.Http.GetStringAsync($"api/certificates/{certificate}")).Should().Contain("\"status\":\"valid\"");
        await Task.WhenAll(scenarios[3..].Select(s => midway.RunSampleAsync(s, Path.Combine(folder, "midway", s))));
        (await midway.JudgeAsync()).Should().Contain("class=\"passed\"",
            await midway.Http.GetStringAsync($"{midway.Session}/report.json"));
        if (storage == Storage.Sqlite)
            // Printed after the restart if the kill came first. The tool's layout carries Playwright's driver with its
            // suites only: the service prints with that one.
            (await judged.Http.GetByteArrayAsync($"{judged.Session}/certificate.pdf")).Take(5)
                .Should().Equal("%PDF-"u8.ToArray());
    }

    /// <summary>The session's stored requests, each as its JSON: what the judge will read.</summary>
    private static string Recorded(CertificationStore store, string session) => string.Join("\n",
        new SandboxStore(store.Database).Requests(session)
            .Select(r => $"{r.Id} {r.Scenario} {JsonSerializer.Serialize(r.Exchange)}"));

    /// <summary>
    /// Two instances on one database, one partner behind them: the sample's scenarios alternate between the instances'
    /// sandboxes, a scenario's one-off 429 and a nonce are each spent once across both, and either instance shows the
    /// same judgement.
    /// </summary>
    [Test]
    public async Task Two_instances_on_one_PostgreSQL_serve_one_session_alternating_and_judge_it_alike()
    {
        var folder = Scratch.NewFolder("two-instances");
        var database = await Postgres.NewDatabaseAsync();
        await using var a = await ServiceProcess.StartAsync(Path.Combine(folder, "data"), database);
        await using var b = await ServiceProcess.StartAsync(Path.Combine(folder, "data"), database);
        var store = CertificationStore.Open(a.Data, database);
        var browser = new CookieContainer();
        using var viaA = new HostedPartner(a.Url, browser);
        using var viaB = new HostedPartner(b.Url, browser);
        var scenarios = HostedPartner.Scenarios(await viaA.StartAsync(store.Invite("Acme Shipping"), "dispatcher"));
        viaB.Session = viaA.Session;
        var sandboxes = new[] { a.SandboxPort, b.SandboxPort };
        await Task.WhenAll(scenarios.Select((s, i) => viaB.RunSampleAsync(s, Path.Combine(folder, s), environment =>
            AtSandbox(environment, sandboxes[i % 2], sandboxes))));
        (await viaB.JudgeAsync()).Should().Contain("class=\"passed\"");
        (await viaA.Http.GetStringAsync(viaA.Session)).Should().Contain("class=\"passed\"");
        (await viaA.Http.GetByteArrayAsync($"{viaA.Session}/report.json"))
            .Should().Equal(await viaB.Http.GetByteArrayAsync($"{viaB.Session}/report.json"));

        await viaA.StartAsync(store.Invite("Acme Shipping"), "dispatcher, second session");
        using var sandbox = await viaA.SandboxClientAsync(Path.Combine(folder, "second"));
        await OneOffPlaysOnceAcrossAsync(viaA, sandbox, sandboxes);
        await NonceSpentOnceAcrossAsync(viaA, sandbox, sandboxes);
    }

    /// <summary>
    /// The environment pointed at one instance's sandbox; untrusted-certificate's own listener stays.
    /// </summary>
    private static Dictionary<string, string> AtSandbox(Dictionary<string, string> environment, int port, int[] shared)
    {
        if (shared.Contains(new Uri(environment["CREWPASS_BASE_URL"]).Port))
            environment["CREWPASS_BASE_URL"] = $"https://127.0.0.1:{port}";
        return environment;
    }

    /// <summary>rate-limited's first request gets the 429 on one instance; the next, on the other, does not.</summary>
    private static async Task OneOffPlaysOnceAcrossAsync(HostedPartner partner, HttpClient sandbox, int[] ports)
    {
        var environment = await partner.EnvironmentAsync("rate-limited", Scratch.NewFolder("rate-limited"));
        var key = environment["CREWPASS_API_KEY"];
        var answers = new List<HttpStatusCode>();
        foreach (var port in ports)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get,
                $"https://127.0.0.1:{port}{VesselEndpoints.ListPath}");
            request.Headers.Authorization = new("Bearer", key);
            answers.Add((await sandbox.SendAsync(request)).StatusCode);
        }
        answers.Should().Equal(HttpStatusCode.TooManyRequests, HttpStatusCode.OK);
    }

    /// <summary>A signed write's nonce, spent on one instance, is refused as replayed on the other.</summary>
    private static async Task NonceSpentOnceAcrossAsync(HostedPartner partner, HttpClient sandbox, int[] ports)
    {
        var environment = await partner.EnvironmentAsync("plain", Scratch.NewFolder("plain"));
        var body = Encoding.UTF8.GetBytes("""{"name":"MV Alternate","imo_number":"9074729"}""");
        var signed = RequestSigner.Headers(environment["CREWPASS_SIGNING_SECRET"], body,
            DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var answers = new List<string>();
        foreach (var port in ports)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post,
                $"https://127.0.0.1:{port}{WriteEndpoints.VesselAttachPath}")
            { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Authorization = new("Bearer", environment["CREWPASS_API_KEY"]);
            request.Headers.Add(SignatureHeaders.TimestampHeader, signed.Timestamp);
            request.Headers.Add(SignatureHeaders.NonceHeader, signed.Nonce);
            request.Headers.Add(SignatureHeaders.SignatureHeader, signed.Signature);
            var answer = await sandbox.SendAsync(request);
            var code = answer.IsSuccessStatusCode ? "" : ErrorCode(await answer.Content.ReadAsStringAsync());
            answers.Add($"{(int)answer.StatusCode} {code}".Trim());
        }
        answers.Should().HaveCount(2).And.Subject.First().Should().StartWith("20");
        answers.Last().Should().Be("401 replayed_nonce");
    }

    private static string ErrorCode(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetString()!;

    /// <summary>
    /// A judgement claimed by an instance that died before storing it is taken back by the next instance to start: the
    /// session waits for Judge again. One claimed a moment ago (an instance judging it now) is left alone.
    /// </summary>
    [Test]
    public async Task A_judgement_abandoned_by_a_dead_instance_is_reopened_at_the_next_start()
    {
        var options = new ServiceOptions(Path.Combine(Scratch.NewFolder("abandoned"), "data"));
        var store = CertificationStore.InFolder(options.Data);
        var sessions = new List<string>();
        await using (var app = await CertificationService.StartAsync(options))
            foreach (var client in new[] { "abandoned", "being judged" })
            {
                using var partner = new HostedPartner(new Uri(app.Urls.First()));
                await partner.StartAsync(store.Invite("Acme Shipping"), client);
                sessions.Add(partner.SessionId);
                store.StartJudging(partner.SessionId).Should().BeTrue();
            }
        var claimed = DateTimeOffset.UtcNow - HostedSandbox.AbandonedAfter - TimeSpan.FromSeconds(1);
        store.Database.Execute("UPDATE sessions SET judged_at = @at WHERE id = @id", ("@at", claimed.ToString("O")),
            ("@id", sessions[0]));

        await using (await CertificationService.StartAsync(options))
            store.Unjudged().Select(s => s.Id).Should().Equal([sessions[0]], "only the abandoned claim is taken back");
    }

    /// <summary>
    /// A session's requests are bounded: a body over the limit and a burst over the rate are refused, unrecorded.
    /// </summary>
    [Test]
    public async Task A_session_meets_its_size_and_rate_bounds_and_a_stranger_key_meets_a_401()
    {
        var folder = Scratch.NewFolder("bounds");
        var options = new ServiceOptions(Path.Combine(folder, "data"));
        await using var app = await CertificationService.StartAsync(options);
        var store = CertificationStore.InFolder(options.Data);
        using var partner = new HostedPartner(new Uri(app.Urls.First()));
        await partner.StartAsync(store.Invite("Acme Shipping"), "dispatcher");
        var environment = await partner.EnvironmentAsync("plain", folder);
        using var sandbox = await partner.SandboxClientAsync(folder);
        var list = environment["CREWPASS_BASE_URL"] + VesselEndpoints.ListPath;

        var large = new HttpRequestMessage(HttpMethod.Post,
            environment["CREWPASS_BASE_URL"] + WriteEndpoints.VesselAttachPath)
        {
            Content = new ByteArrayContent(new byte[SandboxBounds.MaxBody + 1]),
        };
        large.Headers.Authorization = new("Bearer", environment["CREWPASS_API_KEY"]);
        (await sandbox.SendAsync(large)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var stranger = new HttpRequestMessage(HttpMethod.Get, list);
        stranger.Headers.Authorization = new("Bearer", "cpk_test_" + new string('x', 24));
        (await sandbox.SendAsync(stranger)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // Twice the burst at once: the bucket refills at PerSecond, so unless this takes over 5 s, some are refused.
        var burst = await Task.WhenAll(Enumerable.Range(0, 2 * SandboxBounds.Burst + 50).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, list);
            request.Headers.Authorization = new("Bearer", environment["CREWPASS_API_KEY"]);
            return (await sandbox.SendAsync(request)).StatusCode;
        }));
        burst.Should().Contain(HttpStatusCode.TooManyRequests).And.OnlyContain(s => s == HttpStatusCode.TooManyRequests
            || s == HttpStatusCode.OK);
        new SandboxStore(store.Database).Requests(partner.SessionId).Should()
            .HaveCount(burst.Count(s => s == HttpStatusCode.OK),
                "refusals of the bounds are the sandbox's, not the scenario's");
    }
}
