using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Signing;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites;

/// <summary>
/// SIG: the v2 request signature. "X-CrewPass-Signature: v1=&lt;hex(hmac_sha256(secret, "{timestamp}.{nonce}." + body))&gt;",
/// a timestamp "within ±300s of server time", and "a unique, single-use token per request". Probes use the test key.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class SigningSuite(string target) : ConformanceSuite(target)
{
    private const int ConcurrentReplays = 16;
    private const long Window = 300;
    private static readonly Lazy<SigningVectors> Vectors = new(() => SigningVectors.Load(AppContext.BaseDirectory, Run.Settings?.SigningVectors));
    private TargetUnderTest _writes = null!;
    private ServerClock? _clock;

    /// <summary>The harness's own signer reproduces the page's function on every published vector.</summary>
    [Clause("SIG-01")]
    [TestCaseSource(nameof(PositiveVectors))]
    public void SIG_01_The_signer_reproduces_the_pages_vector(PositiveVector vector)
    {
        var message = RequestSigner.Message(vector.Timestamp, vector.Nonce, vector.Body);
        var signature = RequestSigner.Sign(vector.Secret, vector.Timestamp, vector.Nonce, vector.Body);
        Expect(message.AsSpan().SequenceEqual(vector.Message) && signature == vector.Signature,
            $"{vector.Signature} over the vector's message ({vector.Why})",
            $"{signature}{(message.AsSpan().SequenceEqual(vector.Message) ? "" : " over a different message")}");
    }

    /// <summary>
    /// The signer never produces a value the vectors say a verifier must refuse for its value; a vector refused for its
    /// age alone (it names a server time) carries the genuine signature, and lies outside the window.
    /// </summary>
    [Clause("SIG-01")]
    [TestCaseSource(nameof(NegativeVectors))]
    public void SIG_01_The_signer_does_not_produce_a_refused_value(NegativeVector vector)
    {
        var request = Vectors.Value.NegativeRequest;
        var signed = RequestSigner.Sign(request.Secret, request.Timestamp, request.Nonce, Encoding.UTF8.GetBytes(request.Body));
        if (vector.ServerTime is not { } serverTime)
        {
            Expect(signed != vector.Presented, $"the signer's value to differ from the refused one ({vector.Reason})", $"it produced {vector.Presented}");
            return;
        }
        var age = Math.Abs(long.Parse(serverTime, CultureInfo.InvariantCulture) - long.Parse(request.Timestamp, CultureInfo.InvariantCulture));
        Expect(signed == vector.Presented && age > Window, $"the genuine signature, {age} s from the server's time, outside ±{Window} s ({vector.Reason})",
            $"the signer produced {signed}, the vector presents {vector.Presented}");
    }

    /// <summary>"each mutating request is signed": a request signed as the page shows is accepted.</summary>
    [Clause("SIG-02", Alone = Holds.WriteSurfaceTestView)]
    [TestCaseSource(nameof(WriteOperations))]
    public async Task SIG_02_A_request_signed_as_the_page_shows_is_accepted(WriteOperation operation)
    {
        await UseWriteSurfaceAsync();
        if (operation.Name != "vessel-attach")
        {
            var served = await CreatedAsync(operation);
            Expect(served.IsSuccess, $"2xx for {operation.Name} signed with SigningSecret", Summary(served), served);
            return;
        }
        var before = await VesselIdsAsync();
        var answer = await SendAsync(operation, operation.Body, Sign(operation.Body));
        Expect(answer.IsSuccess, $"2xx for {operation.Name} signed with SigningSecret", Summary(answer), answer);
        var created = answer.StringAt("/id");
        var after = await VesselIdsAsync();
        Expect(created is not null && after.Contains(created) && !before.Contains(created), $"the attached vessel {created} in the vessel list afterwards",
            $"the list holds {after.Count} vessels, {(created is not null && after.Contains(created) ? "with" : "without")} it", answer);
    }

    /// <summary>
    /// Header names are case-insensitive (RFC 9110 §5.1): the three headers spelt in capitals, over HTTP/1.1 so the
    /// spelling reaches the server as written (over HTTP/2 every name travels in lower case), are the same headers.
    /// </summary>
    [Clause("SIG-02")]
    [Test]
    public async Task SIG_02_Signature_headers_are_matched_in_any_letter_case()
    {
        await UseWriteSurfaceAsync();
        var operation = Settings.SigningOperation;
        var signed = Sign(operation.Body);
        var request = new ApiRequest(operation.Method, operation.Path) { Body = operation.Body, Http11 = true }.WithBearer(Settings.TestKey!)
            .WithHeader(SignatureHeaders.TimestampHeader.ToUpperInvariant(), signed.Timestamp)
            .WithHeader(SignatureHeaders.NonceHeader.ToUpperInvariant(), signed.Nonce)
            .WithHeader(SignatureHeaders.SignatureHeader.ToUpperInvariant(), signed.Signature);
        var answer = await _writes.Client.SendAsync(request);
        await GenuineSignaturesServedAsync(answer);
        Expect(answer.IsSuccess, "2xx for a request signed as the page shows, its three header names in capitals (over HTTP/1.1)", Summary(answer), answer);
    }

    /// <summary>"The scheme uses three headers": without any one of them the request is refused and changes nothing.</summary>
    [Clause("SIG-03", Alone = Holds.WriteSurfaceTestView)]
    [TestCaseSource(nameof(MissingHeaders))]
    public async Task SIG_03_A_request_missing_a_signature_header_is_refused_and_has_no_effect(MissingHeader missing)
    {
        await UseWriteSurfaceAsync();
        var attach = Settings.WriteOperation("vessel-attach");
        var before = await VesselIdsAsync();
        // Signed over what remains (the missing field empty), so only the missing header can be the reason to refuse.
        var remaining = missing.SignWithout(Settings.SigningSecret!, attach.Body, Sign(attach.Body));
        var answer = await SendAsync(attach, attach.Body, remaining, omit: missing.Header);
        var after = await VesselIdsAsync();
        ExpectAnswer(answer, $"vessel-attach without {missing}", () =>
        {
            Refused(answer).Should().BeTrue("a request missing {0} is refused ({1}), but it was answered {2}", missing, RefusalText, Summary(answer));
            after.Should().BeEquivalentTo(before, "a refused write has no effect: the test key's vessel list is unchanged");
        });
    }

    /// <summary>One of the three headers left off, and how the rest is signed without it.</summary>
    public sealed record MissingHeader(string Header, Func<string, string, SignatureHeaders, SignatureHeaders> SignWithout)
    {
        public override string ToString() => Header;
    }

    public static IEnumerable<TestCaseData> MissingHeaders() => new MissingHeader[]
    {
        new(SignatureHeaders.TimestampHeader, (secret, body, signed) => Resign(secret, body, signed.Nonce, "")),
        new(SignatureHeaders.NonceHeader, (secret, body, signed) => Resign(secret, body, "", signed.Timestamp)),
        new(SignatureHeaders.SignatureHeader, (_, _, signed) => signed),
    }.Select(m => new TestCaseData(m).SetArgDisplayNames(m.Header));

    /// <summary>A signature that is not the page's HMAC of this request under this partner's secret is refused.</summary>
    [Clause("SIG-04")]
    [TestCaseSource(nameof(WrongSignatures))]
    public async Task SIG_04_A_wrong_signature_is_refused(WrongSignature wrong)
    {
        await UseWriteSurfaceAsync();
        var operation = Settings.SigningOperation;
        var good = Sign(operation.Body);
        var presented = wrong.Present(this, good, operation.Body);
        var answer = await SendAsync(operation, operation.Body, good with { Signature = presented });
        Expect(Refused(answer), $"a refusal ({RefusalText}) for a signature {wrong}", Summary(answer), answer);
    }

    /// <summary>A wrong signature for a request: how it is made from the good one.</summary>
    public sealed record WrongSignature(string Name, Func<SigningSuite, SignatureHeaders, string, string> Present)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<TestCaseData> WrongSignatures() => new WrongSignature[]
    {
        new("flipped-first-digit", (_, good, _) => Flip(good.Signature, 0)),
        new("flipped-middle-digit", (_, good, _) => Flip(good.Signature, 32)),
        new("flipped-last-digit", (_, good, _) => Flip(good.Signature, 63)),
        new("other-partners-secret", (suite, good, body) => RequestSigner.Sign(suite.Need("OtherSigningSecret"), good.Timestamp, good.Nonce, Bytes(body))),
        new("signed-over-another-body", (suite, good, body) => RequestSigner.Sign(suite.Secret, good.Timestamp, good.Nonce, Bytes(Tampered(body)))),
        new("signed-over-another-timestamp", (suite, good, body) =>
            RequestSigner.Sign(suite.Secret, (Seconds(good.Timestamp) - 1).ToString(CultureInfo.InvariantCulture), good.Nonce, Bytes(body))),
        new("signed-over-another-nonce", (suite, good, body) => RequestSigner.Sign(suite.Secret, good.Timestamp, RequestSigner.NewNonce(), Bytes(body))),
        new("signed-over-the-body-alone", (suite, _, body) => "v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Bytes(suite.Secret), Bytes(body)))),
    }.Select(w => new TestCaseData(w).SetArgDisplayNames(w.Name));

    private string Secret => Settings.SigningSecret!;

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The signature covers the raw body bytes: a changed byte is refused, an odd but valid body signed as sent is accepted.</summary>
    [Clause("SIG-05")]
    [TestCaseSource(nameof(RawBodies))]
    public async Task SIG_05_The_signature_covers_the_raw_body_bytes(RawBody raw)
    {
        await UseWriteSurfaceAsync();
        var operation = Settings.SigningOperation;
        var (sent, signedOver) = raw.Bodies(operation.Body);
        var answer = await SendAsync(operation, sent, Sign(signedOver));
        if (raw.Accept)
        {
            await GenuineSignaturesServedAsync(answer);
            Expect(answer.IsSuccess, "2xx for valid JSON with odd spacing, key order and escapes, signed exactly as sent (no re-serialising before verifying)",
                Summary(answer), answer);
        }
        else
            Expect(Refused(answer), $"a refusal ({RefusalText}) for a body changed after signing", Summary(answer), answer);
    }

    /// <summary>What is sent and what was signed, and whether the page says that is accepted.</summary>
    public sealed record RawBody(string Name, bool Accept, Func<string, (string Sent, string SignedOver)> Bodies)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<TestCaseData> RawBodies() => new RawBody[]
    {
        new("one-byte-changed-after-signing", false, body => (Tampered(body), body)),
        new("odd-but-valid-json-signed-as-sent", true, body => (OddlyFormatted(body), OddlyFormatted(body))),
    }.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Name));

    /// <summary>"Must be within ±300s of server time", inclusive; milliseconds, signs, words, blanks and fractions are not Unix seconds.</summary>
    [Clause("SIG-06")]
    [TestCaseSource(nameof(TimestampProbes))]
    public async Task SIG_06_Timestamps_within_300_s_of_server_time_are_accepted_and_others_refused(TimestampProbe probe)
    {
        await UseWriteSurfaceAsync();
        var operation = Settings.SigningOperation;
        var margin = (long)Settings.SkewMargin.TotalSeconds;
        var clock = await ClockAsync();
        var now = clock.NowSeconds;
        var timestamp = probe.Timestamp(now, margin);
        var nonce = RequestSigner.NewNonce();
        var headers = new SignatureHeaders(timestamp, nonce, RequestSigner.Sign(Secret, timestamp, nonce, Bytes(operation.Body)));
        var answer = await SendAsync(operation, operation.Body, headers);
        if (probe.Accept) await GenuineSignaturesServedAsync(answer);
        var offset = timestamp.Length > 0 && long.TryParse(timestamp, out var t) && Math.Abs(t - now) < 10_000 ? $" ({t - now:+0;-0} s from the server's clock, read from Date ±{clock.RoundTrip.TotalMilliseconds:0} ms)" : "";
        Expect(probe.Accept ? answer.IsSuccess : Refused(answer), (probe.Accept ? "2xx" : $"a refusal ({RefusalText})") + $" for timestamp '{timestamp}'{offset}",
            Summary(answer), answer);
    }

    /// <summary>A timestamp relative to the server's clock (now, margin m), and whether the page's window accepts it.</summary>
    public sealed record TimestampProbe(string Name, bool Accept, Func<long, long, string> Timestamp)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<TestCaseData> TimestampProbes() => new TimestampProbe[]
    {
        new("past-inside", true, (now, m) => Unix(now - (Window - m))),
        new("future-inside", true, (now, m) => Unix(now + (Window - m))),
        new("past-outside", false, (now, m) => Unix(now - (Window + m))),
        new("future-outside", false, (now, m) => Unix(now + (Window + m))),
        new("milliseconds", false, (now, _) => Unix(now * 1000)),
        new("negative", false, (now, _) => "-" + Unix(now)),
        new("non-numeric", false, (_, _) => "yesterday"),
        new("empty", false, (_, _) => ""),
        new("fractional", false, (now, _) => Unix(now) + ".5"),
    }.Select(p => new TestCaseData(p).SetArgDisplayNames(p.Name));

    private static string Unix(long seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>"A unique, single-use token per request": a nonce works once, whatever else changes, even under concurrency.</summary>
    [Clause("SIG-07")]
    [TestCaseSource(nameof(NonceReuses))]
    public async Task SIG_07_A_nonce_is_single_use(NonceReuse reuse)
    {
        await UseWriteSurfaceAsync();
        var operation = Settings.SigningOperation;
        var secret = Settings.SigningSecret!;
        var first = Resign(secret, operation.Body, RequestSigner.NewNonce(), _clock!.NowSeconds - reuse.Age);
        var accepted = await SendAsync(operation, operation.Body, first);
        if (!accepted.IsSuccess)
        {
            await GenuineSignaturesServedAsync(accepted);
            var owner = reuse.Age > 0 ? "SIG-06" : "SIG-02";
            throw new Inconclusive($"the nonce's first use (timestamp {reuse.Age} s old, inside the window) was not served ({Summary(accepted)}), so no reuse can be judged; {owner} judges that", accepted) { Owner = owner };
        }
        var (body, headers) = reuse.Again(operation.Body, first, secret);
        var replay = await SendAsync(operation, body, headers);
        Expect(Refused(replay), $"a refusal ({RefusalText}) for the nonce {reuse}", Summary(replay), accepted, replay);
    }

    /// <summary>How SIG-07 uses a nonce a second time, and how old the first use's timestamp is.</summary>
    public sealed record NonceReuse(string Name, long Age, Func<string, SignatureHeaders, string, (string Body, SignatureHeaders Headers)> Again)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<TestCaseData> NonceReuses() => new NonceReuse[]
    {
        new("reused-with-a-fresh-signature", 0, (body, first, secret) => (body, Resign(secret, body, first.Nonce, Seconds(first.Timestamp) + 1))),
        new("reused-with-another-body", 0, (body, first, secret) => (Tampered(body), Resign(secret, Tampered(body), first.Nonce, Seconds(first.Timestamp)))),
        new("byte-identical-replay", 0, (body, first, _) => (body, first)),
        // "A deployment remembers a nonce at least until its timestamp is 300 s old": one 250 s old is still inside.
        new("reused-while-its-timestamp-is-250-s-old", 250, (body, first, _) => (body, first)),
    }.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Name));

    private static long Seconds(string timestamp) => long.Parse(timestamp, CultureInfo.InvariantCulture);

    /// <summary>The body with one byte changed inside its first value: still valid JSON, so only the signature can refuse it.</summary>
    private static string Tampered(string body)
    {
        var at = body.IndexOf(':', StringComparison.Ordinal);
        while (++at < body.Length && !char.IsAsciiLetterOrDigit(body[at])) { }
        if (at >= body.Length) throw new InvalidOperationException($"the signing operation's body has no letter or digit in a value to change: {body}");
        var changed = body[at] switch { '0' => '1', 'a' => 'b', >= '1' and <= '9' => '0', _ => 'a' };
        return body[..at] + changed + body[(at + 1)..];
    }

    [Clause("SIG-07")]
    [Test]
    public async Task SIG_07_Of_16_concurrent_identical_requests_exactly_one_is_accepted()
    {
        await UseWriteSurfaceAsync();
        var operation = Settings.SigningOperation;
        var headers = Sign(operation.Body);
        // Every request is built and waiting before any is let go; an awaited gate, since blocking pool threads starves the run.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = Enumerable.Range(0, ConcurrentReplays).Select(async _ =>
        {
            await go.Task;
            return await SendAsync(operation, operation.Body, headers);
        }).ToArray();
        go.SetResult();
        var answers = await Task.WhenAll(sending);
        var accepted = answers.Count(a => a.IsSuccess);
        if (accepted == 0) await GenuineSignaturesServedAsync(answers[0]);
        var refused = answers.Count(Refused);
        Expect(accepted == 1 && refused == ConcurrentReplays - 1, $"exactly 1 of {ConcurrentReplays} identical concurrent requests accepted, the others refused ({RefusalText})",
            $"{accepted} accepted, {refused} refused, {ConcurrentReplays - accepted - refused} otherwise", [.. answers.Where(a => a.IsSuccess).Take(2), .. answers.Where(a => !a.IsSuccess).Take(1)]);
    }

    /// <summary>The value is v1= and 64 hex digits; nothing else is a v1 signature.</summary>
    [Clause("SIG-08")]
    [TestCaseSource(nameof(MalformedValues))]
    public async Task SIG_08_Only_v1_and_64_hex_digits_is_a_signature(MalformedValue malformed)
    {
        await UseWriteSurfaceAsync();
        var operation = Settings.SigningOperation;
        var good = Sign(operation.Body);
        var presented = malformed.From(good.Signature);
        var answer = await SendAsync(operation, operation.Body, good with { Signature = presented });
        Expect(Refused(answer), $"a refusal ({RefusalText}) for X-CrewPass-Signature: {presented}", Summary(answer), answer);
    }

    /// <summary>A signature value that is not v1= and 64 hex digits, made from a good one.</summary>
    public sealed record MalformedValue(string Name, Func<string, string> From)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<TestCaseData> MalformedValues() => new MalformedValue[]
    {
        new("v2-prefix", good => "v2=" + good[3..]),
        new("bare-hex", good => good[3..]),
        new("truncated-hex", good => good[..^1]),
    }.Select(m => new TestCaseData(m).SetArgDisplayNames(m.Name));

    /// <summary>HTTP-01 for a signature refusal: an error body like any other.</summary>
    [Clause("HTTP-01")]
    [Test]
    public async Task HTTP_01_A_signature_refusal_is_JSON_matching_the_error_schema()
    {
        await UseWriteSurfaceAsync();
        var operation = Settings.SigningOperation;
        var good = Sign(operation.Body);
        var answer = await SendAsync(operation, operation.Body, good with { Signature = Flip(good.Signature, 63) });
        if (!Refused(answer)) throw new Inconclusive($"a wrong signature was not refused ({Summary(answer)}); SIG-04 judges that", answer) { Owner = "SIG-04" };
        ExpectJsonMatching(answer, "a signature refusal", Settings.ErrorSchema);
    }

    /// <summary>HTTP-01 for a 201: the created object, as its operation's schema says.</summary>
    [Clause("HTTP-01", Alone = Holds.WriteSurfaceTestView)]
    [TestCaseSource(nameof(WriteOperations))]
    public async Task HTTP_01_A_created_answer_is_JSON_matching_its_schema(WriteOperation operation)
    {
        await UseWriteSurfaceAsync();
        var answer = operation.Name == "vessel-attach" ? await SendAsync(operation, operation.Body, Sign(operation.Body)) : await CreatedAsync(operation);
        if (!answer.IsSuccess) throw new Inconclusive($"the signed {operation.Name} was not served ({Summary(answer)}); {OwnerOfUnserved(answer)} judges that", answer) { Owner = OwnerOfUnserved(answer) };
        if (operation.Schema is null) ExpectJsonMatching(answer, $"the created {operation.Name} (WriteOperations names no schema for it)");
        else ExpectJsonMatching(answer, $"the created {operation.Name}", operation.Schema);
    }

    public static IEnumerable<TestCaseData> PositiveVectors() => Vectors.Value.Positive.Select(v => new TestCaseData(v).SetArgDisplayNames(v.Name));

    public static IEnumerable<TestCaseData> NegativeVectors() => Vectors.Value.Negative.Select(v => new TestCaseData(v).SetArgDisplayNames(v.Name));

    public static IEnumerable<TestCaseData> WriteOperations() =>
        (Run.Settings?.WriteOperations ?? []).Select(o => new TestCaseData(o).SetArgDisplayNames(o.Name));

    private string RefusalText => $"{Settings.SignatureErrorStatus} with {string.Join(" or ", Settings.SignatureErrorCodes)}";

    /// <summary>The write surface to probe, or not applicable when the deployment ships none.</summary>
    private async Task UseWriteSurfaceAsync()
    {
        var writes = await Target.WriteSurfaceAsync();
        if (writes is null) throw new NotApplicable("WriteSurface is disabled: this release serves no writes (WRITE-01 checks that instead)");
        _writes = writes!;
        Need("SigningSecret");
        await ClockAsync();
    }

    protected override HarnessSettings Settings => _writes?.Settings ?? Target.Settings;

    private bool Refused(Exchange answer) =>
        answer.Status == Settings.SignatureErrorStatus && answer.StringAt(Settings.ErrorCodePointer) is { } code && Settings.SignatureErrorCodes.Contains(code);

    private async Task<ServerClock> ClockAsync() =>
        _clock ??= ServerClock.From(await _writes.Client.GetAsync(ContractDefaults.MePath, r => r.WithBearer(Settings.TestKey!)));

    /// <summary>Signed now by the target's clock, with a fresh nonce.</summary>
    private SignatureHeaders Sign(string body) =>
        RequestSigner.Headers(Settings.SigningSecret!, Encoding.UTF8.GetBytes(body), _clock!.NowSeconds);

    private static SignatureHeaders Resign(string secret, string body, string nonce, long timestamp) =>
        RequestSigner.Headers(secret, Encoding.UTF8.GetBytes(body), timestamp, nonce);

    private static SignatureHeaders Resign(string secret, string body, string nonce, string timestamp) =>
        new(timestamp, nonce, RequestSigner.Sign(secret, timestamp, nonce, Encoding.UTF8.GetBytes(body)));

    /// <summary>
    /// An answer that should have been served was not: when the deployment's genuine signature (SIG-02's shared probe)
    /// is not served either, the refusal says nothing about this check's own input, and SIG-02 owns it.
    /// </summary>
    private async Task GenuineSignaturesServedAsync(Exchange answer)
    {
        if (answer.IsSuccess) return;
        var genuine = await CreatedAsync(Settings.SigningOperation);
        if (!genuine.IsSuccess)
            throw new Inconclusive($"a request signed as the page shows is not served either ({Summary(genuine)}), so this refusal says nothing of its own input; {OwnerOfUnserved(genuine)} judges that", answer, genuine) { Owner = OwnerOfUnserved(genuine) };
    }

    /// <summary>Who judges a signed write that was not served: AUTH-02 when the key itself was refused, else SIG-02.</summary>
    private string OwnerOfUnserved(Exchange answer) => ErrorCode(answer) == "invalid_api_key" ? "AUTH-02" : "SIG-02";

    /// <summary>
    /// A write signed as the page shows, sent once per deployment and judged by SIG-02 (served) and HTTP-01 (its body).
    /// Not vessel-attach: SIG-02 reads the list around that one itself.
    /// </summary>
    private Task<Exchange> CreatedAsync(WriteOperation operation) =>
        _writes.ShareAsync($"signed {operation.Name}", () => SendAsync(operation, operation.Body, Sign(operation.Body)));

    private async Task<HashSet<string>> VesselIdsAsync()
    {
        var list = await _writes.Client.GetAsync(ContractDefaults.VesselListPath, r => r.WithBearer(Settings.TestKey!));
        // A failed read is no list: comparing it would prove "no effect" from two refusals.
        if (!list.IsSuccess || list.Json?["data"] is not JsonArray)
            throw new Inconclusive($"the test key's vessel list could not be read ({Summary(list)}), so the write's effect cannot be judged", list) { Owner = "AUTH-02" };
        return (list.Json?["data"] as JsonArray ?? []).Select(v => v?["id"]?.ToString() ?? "").ToHashSet(StringComparer.Ordinal);
    }

    private Task<Exchange> SendAsync(WriteOperation operation, string body, SignatureHeaders headers, string? omit = null)
    {
        var request = new ApiRequest(operation.Method, operation.Path) { Body = body }.WithBearer(Settings.TestKey!).Signed(headers, omit);
        return _writes.Client.SendAsync(request);
    }

    private static string Flip(string signature, int digit)
    {
        var chars = signature.ToCharArray();
        chars[3 + digit] = chars[3 + digit] == '0' ? '1' : '0';
        return new string(chars);
    }

    /// <summary>The same JSON object with spaces, line breaks, reversed keys and a \u escape: valid, but no serialiser writes it so.</summary>
    private static string OddlyFormatted(string body)
    {
        var fields = JsonNode.Parse(body)!.AsObject().Reverse().Select(p => $"\n  \"{p.Key}\" :\t{p.Value!.ToJsonString().Replace("o", "\\u006f")}");
        return "{" + string.Join(" ,", fields) + "\n}\n";
    }
}
