using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CrewPass.Conformance.Signing;
using CrewPass.Conformance.Verdicts;
using FluentAssertions;
using FluentAssertions.Execution;
using CrewPass.Conformance.Http;

namespace CrewPass.Conformance.Clients;

/// <summary>
/// CLIENT: a partner's own integration, judged from what the sandbox recorded. The sandbox plays each scenario to the
/// client and records every request as it arrived; these checks judge the recording and, when the client was run, its
/// exit status. Any host runs them: the suites under NUnit, <see cref="Judge"/> in-process.
/// </summary>
public static partial class ClientChecks
{
    /// <summary>Every CLIENT check, in declaration order.</summary>
    public static IReadOnlyList<ClientCheck> All { get; } = typeof(ClientChecks).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Select(m => (Method: m, Clause: m.GetCustomAttribute<ClientClauseAttribute>()))
        .Where(m => m.Clause is not null)
        .OrderBy(m => m.Method.MetadataToken)
        .Select(m => new ClientCheck(m.Clause!.Id, m.Method.Name, m.Clause.Scenarios, m.Method)).ToArray();

    // "Present the key as a Bearer token (preferred) or in the X-Partner-API-Key header"
    [ClientClause("CLIENT-01", ScenarioSet.Served)]
    public static async Task CLIENT_01_every_request_carries_the_key_exactly_as_issued(
        IClientSessions sessions, SandboxScenario scenario)
    {
        await EveryRequestAsync(sessions, scenario,
            "the key, exactly as issued, as Authorization: Bearer <key> or X-Partner-API-Key: <key>", request =>
            {
                var presented = KeyHeaders(request);
                presented.Should().NotBeEmpty("CLIENT-01: every request carries the key");
                presented.Where(h => !IssuedKeyForm(h))
                    .Should().BeEmpty("CLIENT-01: a key header carries exactly `Bearer {0}` or `{0}`",
                        RecordedRequest.IssuedKey);
            });
    }

    // "Present the key as a Bearer token (preferred)"
    [ClientClause("CLIENT-02", ScenarioSet.Served)]
    public static async Task CLIENT_02_the_preferred_Bearer_form_is_used(
        IClientSessions sessions, SandboxScenario scenario)
    {
        await EveryRequestAsync(sessions, scenario, "the Bearer form", request =>
                request.All(HeaderNames.Authorization).Where(v => BearerIssuedKey().IsMatch(v))
                    .Should().NotBeEmpty("CLIENT-02: the page prefers Authorization: Bearer <key>"));
    }

    // "Keep your API key server-side": a URL lands in logs, proxies and browser history; a cookie or a body in places a header never goes.
    [ClientClause("CLIENT-03", ScenarioSet.Served)]
    public static async Task CLIENT_03_the_key_never_travels_in_a_URL_a_cookie_or_a_body(
        IClientSessions sessions, SandboxScenario scenario)
    {
        await EveryRequestAsync(sessions, scenario, "no key in the URL, a cookie or the body", request =>
            {
                Placeholders.Where(request.Target.Contains)
                    .Should().BeEmpty("CLIENT-03: the key never travels in a URL (query or path)");
                request.All(HeaderNames.Cookie).Where(c => Placeholders.Any(c.Contains))
                    .Should().BeEmpty("CLIENT-03: the key never travels in a cookie");
                request.BodyRedacted
                    .Should().BeFalse("CLIENT-03: the key never travels in a request body (the sandbox found one there and redacted it)");
            });
    }

    // "An API key, presented as a Bearer token over TLS": TLS that trusts any certificate protects no key.
    [ClientClause("CLIENT-04", ScenarioSet.UntrustedCertificate)]
    public static async Task CLIENT_04_the_client_verifies_the_server_certificate(
        IClientSessions sessions, SandboxScenario scenario)
    {
        var session = await ConnectedAsync(sessions, scenario);
        using var scope = Scope(session, session.Requests);
        session.Requests.Select(r => $"#{r.Number} {r.Call}")
            .Should().BeEmpty("CLIENT-04: the sandbox presented a certificate from a CA the client was not given, so no request may reach it");
    }

    // A client that carries on after refusing the server hides the failure from whoever runs it.
    [ClientClause("CLIENT-04", ScenarioSet.UntrustedCertificate)]
    public static async Task CLIENT_04_a_client_that_cannot_trust_the_server_exits_non_zero(
        IClientSessions sessions, SandboxScenario scenario) =>
        ExpectFailureReported(await ConnectedAsync(sessions, scenario), "CLIENT-04",
            "a client that cannot trust the server");

    // Retry-After: "delay-seconds or an HTTP-date" (RFC 9110 §10.2.3); the API says when to come back.
    [ClientClause("CLIENT-05", ScenarioSet.RateLimited)]
    public static async Task CLIENT_05_Retry_After_is_honoured(IClientSessions sessions, SandboxScenario scenario)
    {
        var session = await ServedAsync(sessions, scenario);
        var throttled = session.Requests.Where(r => r.Answer is
        {
            Status: 429, RetryAfter: not null,
            At: not null
        }).ToArray();
        if (throttled.Length == 0)
            throw new Inconclusive($"no request of the client was answered 429 in {scenario}: {session.Evidence(session.Requests)}");
        foreach (var answer in throttled)
        {
            var until = RetryAfterUntil(answer);
            var early = session.Requests.Where(r => r.ArrivedAt > answer.ArrivedAt && r.ArrivedAt < until).ToArray();
            using var scope = Scope(session, [answer, .. early]);
            early.Select(r => $"#{r.Number} {r.Call} at {(r.ArrivedAt - answer.Answer.At!.Value).TotalSeconds:0.000} s after the 429")
                .Should().BeEmpty("CLIENT-05: after the 429 (#{0}, Retry-After: {1}) no request may arrive before {2:HH:mm:ss.fff}", answer.Number, answer.Answer.RetryAfter, until);
        }
    }

    // A refused key stays refused: hammering it helps nobody, and an integration that carries on hides the failure.
    [ClientClause("CLIENT-06", ScenarioSet.RefusedKey)]
    public static async Task CLIENT_06_a_refused_key_is_not_hammered(IClientSessions sessions, SandboxScenario scenario)
    {
        var session = await ServedAsync(sessions, scenario);
        var first = session.Requests.FirstOrDefault(r => r.Answer.Status == 401);
        if (first is null)
            throw new Inconclusive($"no request of the client was refused in {scenario}: {session.Evidence(session.Requests)}");
        var after = session.Requests.Where(r => r.Number > first.Number).ToArray();
        using var scope = Scope(session, session.Requests);
        after.Length
            .Should().BeLessThanOrEqualTo(3, "CLIENT-06: at most 3 requests after the first invalid_api_key (#{0})",
                first.Number);
    }

    // "and the client exits non-zero (it reports the failure instead of carrying on as if served)"
    [ClientClause("CLIENT-06", ScenarioSet.RefusedKey)]
    public static async Task CLIENT_06_a_client_whose_key_is_refused_exits_non_zero(
        IClientSessions sessions, SandboxScenario scenario) =>
        ExpectFailureReported(await ServedAsync(sessions, scenario), "CLIENT-06", "a client whose key is refused");

    // "Unknown extra fields are allowed (clients must tolerate them)."
    [ClientClause("CLIENT-07", ScenarioSet.ExtraFields)]
    public static async Task CLIENT_07_the_client_is_a_tolerant_reader(
        IClientSessions sessions, SandboxScenario scenario)
    {
        var plain = await ServedAsync(sessions, SandboxScenario.Plain);
        var session = await ServedAsync(sessions, scenario);
        if (plain.Exit is { Code: not 0 } failed)
            throw new Inconclusive($"the client did not succeed in plain ({failed}), so {scenario} has nothing to be compared with: {plain.Evidence(plain.Requests)}");
        if (session.Requests.FirstOrDefault(r => r.Answer.Status is 401 or 403 or 429) is { } refused)
            throw new Inconclusive($"a refused or throttled answer (#{refused.Number}) proves nothing about tolerance: {session.Evidence([refused])}");
        using var scope = Scope(session, session.Requests);
        session.Requests.Select(r => r.Call).Order(StringComparer.Ordinal)
            .Should().Equal(plain.Requests.Select(r => r.Call).Order(StringComparer.Ordinal),
            "CLIENT-07: the client makes the same calls (method and path) as in plain");
    }

    // "in extra-fields it exits 0": a reader that chokes on an unknown field fails, whatever calls it made first.
    [ClientClause("CLIENT-07", ScenarioSet.ExtraFields)]
    public static async Task CLIENT_07_the_client_succeeds_with_extra_fields(
        IClientSessions sessions, SandboxScenario scenario)
    {
        var session = await ServedAsync(sessions, scenario);
        var exit = ExitOf(session, "CLIENT-07's exit status");
        if (session.Requests.FirstOrDefault(r => r.Answer.Status is 401 or 403 or 429) is { } refused)
            throw new Inconclusive($"a refused or throttled answer (#{refused.Number}) proves nothing about tolerance: {session.Evidence([refused])}");
        using var scope = Scope(session, session.Requests);
        exit.Code
            .Should().Be(0, "CLIENT-07: with unknown fields, other key order, pretty-printing and a charset the client still succeeds (Bogus seed {0}, replay with CREWPASS_FUZZ_SEED={0}; {1})",
            session.Recording.Seed, exit);
    }

    /// <summary>A client that met a failure reports it and exits non-zero; from a recording that half is not judged.</summary>
    private static void ExpectFailureReported(ClientSession session, string clause, string who)
    {
        var exit = ExitOf(session, $"{clause}'s exit status");
        using var scope = Scope(session, session.Requests);
        exit.Code
            .Should().NotBe(0, "{0}: {1} reports the failure and exits non-zero ({2})", clause, who,
                exit).And.NotBeNull("{0}: {1}", clause, exit);
    }

    /// <summary>The client's exit, or <see cref="NotJudged"/> naming the half when the client is judged from a recording.</summary>
    private static ClientExit ExitOf(ClientSession session, string half) =>
        session.Exit ?? throw new NotJudged(half, "the client is judged from a recording, which holds no exit status");

    // X-CrewPass-Signature: v1=<hex(hmac_sha256(secret, "{timestamp}.{nonce}." + body))>
    [ClientClause("CLIENT-08", ScenarioSet.Writes)]
    public static async Task CLIENT_08_every_write_is_signed_as_the_page_shows(
        IClientSessions sessions, SandboxScenario scenario)
    {
        var (session, writes) = await WritesAsync(sessions, scenario);
        var secret = session.SigningSecret ??
            throw new Inconclusive($"the recording of {scenario} has no {ClientRecording.EnvironmentFile} to read the signing secret from");
        foreach (var write in writes)
        {
            if (write.BodyRedacted)
                throw new Inconclusive($"the sandbox redacted a key from the body of #{write.Number}, so its signature cannot be checked: {session.Evidence([write])}");
            ExpectRequest(session, write, "a write signed as the page shows", () =>
            {
                var (timestamp, nonce, signature) = (write.One(SignatureHeaders.TimestampHeader),
                    write.One(SignatureHeaders.NonceHeader), write.One(SignatureHeaders.SignatureHeader));
                new[] { (HeaderNames.Timestamp, timestamp), (HeaderNames.Nonce, nonce), (HeaderNames.Signature,
                    signature) }
                    .Where(h => h.Item2 is null).Select(h => h.Item1)
                        .Should().BeEmpty("CLIENT-08: each of the three headers, once");
                write.One(HeaderNames.ContentType)?.Split(';')[0].Trim()
                    .Should().Be("application/json", "CLIENT-08: Content-Type: application/json");
                write.All(HeaderNames.ContentType).Should().HaveCount(1, "CLIENT-08: Content-Type: application/json");
                if (timestamp is null || nonce is null || signature is null) return;
                signature.Should().MatchRegex("^v1=[0-9a-f]{64}$", "CLIENT-08: v1= and 64 lowercase hex digits");
                var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
                    (byte[])[.. Encoding.UTF8.GetBytes($"{timestamp}.{nonce}."), .. write.Body]));
                signature
                    .Should().Be(expected,
                        "CLIENT-08: HMAC-SHA256 under the signing secret over \"{{timestamp}}.{{nonce}}.\" and the exact {0} body bytes that arrived", write.Body.Length);
            });
        }
    }

    // X-CrewPass-Timestamp: "Unix time in seconds. Must be within ±300s of server time."
    [ClientClause("CLIENT-09", ScenarioSet.Writes)]
    public static async Task CLIENT_09_the_timestamp_is_Unix_seconds_within_300_s(
        IClientSessions sessions, SandboxScenario scenario)
    {
        var (session, writes) = await WritesAsync(sessions, scenario);
        foreach (var write in writes)
            ExpectRequest(session, write, "a timestamp in whole Unix seconds within ±300 s of the sandbox's clock",
                () =>
            {
                var timestamp = write.One(SignatureHeaders.TimestampHeader);
                timestamp.Should().MatchRegex("^[0-9]{1,12}$", "CLIENT-09: Unix time in whole seconds, digits only");
                if (timestamp is null || !long.TryParse(timestamp, out var seconds) || timestamp.Length > 12) return;
                (seconds - write.ArrivedAt.ToUnixTimeSeconds()).Should().BeInRange(-300, 300,
                    "CLIENT-09: within ±300 s of the sandbox's clock when the write arrived ({0})",
                        write.ArrivedAt.ToUnixTimeSeconds());
            });
    }

    // X-CrewPass-Nonce: "A unique, single-use token per request."
    [ClientClause("CLIENT-10", ScenarioSet.Run)]
    public static async Task CLIENT_10_no_nonce_repeats_in_the_run(IClientSessions sessions)
    {
        var plain = await ServedAsync(sessions, SandboxScenario.Plain);
        if (plain.Requests.All(r => r.IsRead))
            throw new NotApplicable("the client makes no write in plain: reads only");
        var played = await Task.WhenAll(SandboxScenario.All.Where(s => s.Writes).Select(s => sessions.SessionAsync(s)));
        var writes = played.SelectMany(s => s.Requests.Where(r => !r.IsRead
            && r.One(SignatureHeaders.NonceHeader) is not null).Select(r => (Session: s, Request: r))).ToArray();
        var repeated = writes.GroupBy(w => w.Request.One(SignatureHeaders.NonceHeader)).Where(g => g.Count() > 1).ToArray();
        using var scope = ClauseScope.Open();
        foreach (var (session, request) in repeated.SelectMany(g => g)) scope.AddReportable($"{session.Scenario} #{request.Number}", () => "\n" + session.Evidence([request]));
        repeated.Select(g => $"a nonce sent {g.Count()} times ({string.Join(", ", g.Select(w => $"{w.Session.Scenario} #{w.Request.Number}"))})")
            .Should().BeEmpty("CLIENT-10: every nonce of the run's {0} signed writes is new", writes.Length);
    }

    // A retried write is a new request: "A unique, single-use token per request."
    [ClientClause("CLIENT-10", ScenarioSet.WriteDropped)]
    public static async Task CLIENT_10_a_retried_write_carries_a_new_nonce_and_signature(
        IClientSessions sessions, SandboxScenario scenario)
    {
        var (session, writes) = await WritesAsync(sessions, scenario);
        var dropped = writes.FirstOrDefault(w => w.Answer.Dropped) ??
            throw new Inconclusive($"the sandbox dropped no write in {scenario}: {session.Evidence(writes)}");
        var retry = writes.FirstOrDefault(w => w.Number > dropped.Number && w.Call == dropped.Call)
                    ??
                        throw new NotApplicable($"the client did not retry the dropped write (#{dropped.Number}), so no retry is there to judge");
        using var scope = Scope(session, [dropped, retry]);
        retry.One(SignatureHeaders.NonceHeader)
            .Should().NotBe(dropped.One(SignatureHeaders.NonceHeader),
                "CLIENT-10: the retry (#{0}) is a new request with a new nonce", retry.Number);
        retry.One(SignatureHeaders.SignatureHeader)
            .Should().NotBe(dropped.One(SignatureHeaders.SignatureHeader), "CLIENT-10: and so a new signature");
    }

    // "Every v1 read takes the same Bearer header and nothing else."
    [ClientClause("CLIENT-11", ScenarioSet.Served)]
    public static async Task CLIENT_11_reads_carry_no_signature_headers_and_no_body(
        IClientSessions sessions, SandboxScenario scenario)
    {
        await EveryRequestAsync(sessions, scenario, "a read with the key and nothing else", read =>
            {
                read.Headers.Select(h => h.Key).Where(h => h.StartsWith(HeaderNames.CrewPassPrefix,
                    StringComparison.OrdinalIgnoreCase))
                    .Should().BeEmpty("CLIENT-11: no X-CrewPass-* signature headers on a read");
                read.Body.Should().BeEmpty("CLIENT-11: no body on a read");
            }, r => r.IsRead);
    }

    /// <summary>One AssertionScope per recorded request of a served scenario (or those <paramref name="which"/> picks).</summary>
    private static async Task EveryRequestAsync(
        IClientSessions sessions, SandboxScenario scenario, string what, Action<RecordedRequest> assertions,
            Func<RecordedRequest, bool>? which = null)
    {
        var session = await ServedAsync(sessions, scenario);
        foreach (var request in session.Requests.Where(which ?? (_ => true)))
            ExpectRequest(session, request, what, () => assertions(request));
    }

    /// <summary>A scenario the client must have connected in: a client that never met the certificate shows nothing about it.</summary>
    private static async Task<ClientSession> ConnectedAsync(IClientSessions sessions, SandboxScenario scenario)
    {
        var session = await sessions.SessionAsync(scenario);
        if (session.Recording.Connections.Count == 0)
            throw new Inconclusive($"the client never connected in {scenario}, so nothing shows that it checks the certificate; {session.Evidence([])}");
        return session;
    }

    /// <summary>A scenario in which the client must have made requests: none is inconclusive, never a pass.</summary>
    private static async Task<ClientSession> ServedAsync(IClientSessions sessions, SandboxScenario scenario)
    {
        var session = await sessions.SessionAsync(scenario);
        if (session.Requests.Count == 0)
            throw new Inconclusive($"the client sent no request in {scenario}, so there is nothing to judge: {session.Evidence([])}\n{Output(session)}");
        return session;
    }

    /// <summary>The scenario's writes; a client that writes nothing in plain makes CLIENT-08 to CLIENT-10 not applicable ("reads only").</summary>
    private static async Task<(ClientSession Session, IReadOnlyList<RecordedRequest> Writes)> WritesAsync(
        IClientSessions sessions, SandboxScenario scenario)
    {
        var plain = await ServedAsync(sessions, SandboxScenario.Plain);
        if (plain.Requests.All(r => r.IsRead))
            throw new NotApplicable("the client makes no write in plain: reads only");
        var session = await ServedAsync(sessions, scenario);
        var writes = session.Requests.Where(r => !r.IsRead).ToArray();
        if (writes.Length == 0)
            throw new Inconclusive($"the client writes in plain but made no write in {scenario}: {session.Evidence(session.Requests)}\n{Output(session)}");
        return (session, writes);
    }

    private static string Output(ClientSession session) =>
        session.Exit is { } exit ? $"client output ({exit}):\n  " + exit.Output.Trim().ReplaceLineEndings("\n  ") : "";

    /// <summary>One AssertionScope for one recorded request: every violation of it in one message, the request attached.</summary>
    private static void ExpectRequest(ClientSession session, RecordedRequest request, string what, Action assertions)
    {
        using var scope = Scope(session, [request]);
        scope.Context = new Lazy<string>(() => Literal($"{what}: request #{request.Number} ({request.Call}) in {session.Scenario}"));
        assertions();
    }

    /// <summary>FluentAssertions reads braces in a message as placeholders; the recorded text must stay text.</summary>
    private static string Literal(string text) => text.Replace("{", "{{").Replace("}", "}}");

    private static AssertionScope Scope(ClientSession session, IReadOnlyList<RecordedRequest> requests)
    {
        // The recorded requests are the check's exchanges in the report, passed or failed.
        if (Http.ConformanceClient.Transcript.Value is { } transcript)
            lock (transcript) transcript.AddRange(requests.Select(r => r.Evidence(session.Start)).Except(transcript));
        var scope = ClauseScope.Open();
        scope.AddReportable("evidence", () => "\n" + session.Evidence(requests) + Output(session));
        return scope;
    }

    private static readonly string[] Placeholders = [RecordedRequest.IssuedKey, RecordedRequest.OtherKey,
        RecordedRequest.SigningSecret];

    private static string[] KeyHeaders(RecordedRequest request) =>
        request.Headers.Where(h => IsKeyHeader(h.Key)).Select(h => $"{h.Key}: {h.Value}").ToArray();

    private static bool IsKeyHeader(string name) =>
        name.Equals(HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase)
            || name.Equals(HeaderNames.PartnerApiKey, StringComparison.OrdinalIgnoreCase);

    /// <summary>A key header as <see cref="KeyHeaders"/> shows it: the key exactly as issued, Bearer-prefixed in Authorization.</summary>
    private static bool IssuedKeyForm(string header)
    {
        var (name, value) = (header[..header.IndexOf(':')], header[(header.IndexOf(':') + 2)..]);
        return name.Equals(HeaderNames.PartnerApiKey, StringComparison.OrdinalIgnoreCase)
            ? value == RecordedRequest.IssuedKey
            : BearerIssuedKey().IsMatch(value);
    }

    /// <summary>The scheme in any letter case, then one or more spaces (RFC 6750 §2.1, RFC 9110 §11.4); the key exactly as issued.</summary>
    [GeneratedRegex(@"^(?i:bearer) +\{\{api-key\}\}$")]
    private static partial Regex BearerIssuedKey();

    /// <summary>The time a Retry-After names: delay-seconds from the 429's own answer, or the HTTP-date itself.</summary>
    private static DateTimeOffset RetryAfterUntil(RecordedRequest throttled)
    {
        var value = throttled.Answer.RetryAfter!.Trim();
        return int.TryParse(value, out var seconds)
            ? throttled.Answer.At!.Value.AddSeconds(seconds)
            : DateTimeOffset.ParseExact(value, "R", System.Globalization.CultureInfo.InvariantCulture);
    }
}
