using System.Globalization;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Keys;
using CrewPass.Conformance.RateLimits;
using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites;

/// <summary>
/// RATE: "Calls are still rate-limited per partner." Each check holds the target's budget to itself while it runs
/// (so no order among them matters), spends as few requests as the proof needs, and exhausts a budget only when the
/// profile allows it; RATE-05 and RATE-06 share one exhaustion, which ends with the budget served again.
/// </summary>
// The counting checks run before the exhaustion (this fixture's checks run one at a time, in Order): a budget exhausted
// under a long window stays spent. DependsOnTest, Order's successor, refuses suites that run beside others; Order works.
#pragma warning disable CS0618
[Parallelizable(ParallelScope.Self)]
public sealed class RateLimitSuite(string target) : ConformanceSuite(target)
{
    private const string Probe = ContractDefaults.MePath;
    private Lazy<Task<Exhaustion>>? _exhaustion;

    /// <summary>Every keyed answer to a catalogued GET carries the headers of one recognised convention, with sane values.</summary>
    [Order(1)]
    [Clause("RATE-01")]
    [TestCaseSource(nameof(EveryKeyedAnswer))]
    public async Task RATE_01_Every_keyed_answer_carries_rate_limit_headers(Endpoint endpoint, KeyUse key)
    {
        var answer = await ObserveAsync(endpoint, key);
        var read = Read(answer);
        if (!read.Ok) await ExpectKeyHonouredAsync(answer, endpoint, key.Setting, key.Presentation);
        Expect(read.Ok, $"rate-limit headers ({RateLimitReader.NameOf(Settings.RateLimitHeaders)}): limit > 0, 0 ≤ remaining ≤ limit, a plausible reset",
            read.Problem ?? "", answer);
    }

    /// <summary>Within a window, each request of one partner takes exactly one from what remains.</summary>
    [Order(1)]
    [Clause("RATE-02", Alone = Holds.RateLimitBudget)]
    [Test]
    public async Task RATE_02_Remaining_goes_down_by_one_per_request()
    {
        var key = Settings.RateLimitKey is null ? "LiveKey" : "RateLimitKey";
        await ExpectOneBudgetAsync($"three requests with {key}", true, Step(key), Step(key), Step(key));
    }

    /// <summary>The live key, the test key and both header forms draw on the partner's one budget.</summary>
    [Order(1)]
    [Clause("RATE-03", Alone = Holds.PartnerBudget)]
    [Test]
    public async Task RATE_03_Live_and_test_keys_and_both_header_forms_share_one_budget()
    {
        await ExpectOneBudgetAsync("LiveKey and TestKey, each as Bearer and as X-Partner-API-Key", false,
            Step("LiveKey"), Step("TestKey"), Step("LiveKey", Presentation.ApiKeyHeader), Step("TestKey", Presentation.ApiKeyHeader));
    }

    /// <summary>Another partner's requests leave this partner's budget alone.</summary>
    [Order(1)]
    [Clause("RATE-04", Alone = Holds.PartnerBudget)]
    [Test]
    public async Task RATE_04_Another_partners_requests_do_not_draw_on_this_budget()
    {
        Need("OtherPartnerKey");
        await ExpectOneBudgetAsync("LiveKey, then OtherPartnerKey (not counted), then LiveKey", false,
            Step("LiveKey"), Step("OtherPartnerKey") with { Counted = false }, Step("LiveKey"));
    }

    public static IEnumerable<TestCaseData> EveryKeyedAnswer() => Cases.EachEndpointWithEveryKey(Cases.Endpoints);

    /// <summary>A spent budget answers 429 rate_limited with Retry-After, and serves again once it has passed.</summary>
    [Order(2)]
    [Clause("RATE-05", Alone = Holds.RateLimitBudget)]
    [Test]
    public async Task RATE_05_A_spent_budget_answers_429_with_Retry_After_and_recovers()
    {
        var run = await ExhaustionAsync();
        Expect(run.Problems.Count == 0,
            "after remaining 0: 429, code rate_limited, Retry-After (≥ 1 s, or an HTTP-date) not past the reset, then service again once it has passed",
            string.Join("; ", run.Problems), [.. run.Evidence]);
        if (run.RecoveryTooFar is { } wait)
            throw new NeedsSetting("MaxRecoveryWait", $"Retry-After names {wait.TotalSeconds:0} s, longer than MaxRecoveryWait ({Settings.MaxRecoveryWait.TotalSeconds:0} s), so recovery was not awaited; " +
                "the rest of RATE-05 passed. Raise CREWPASS_MAX_RECOVERY_WAIT to check recovery too.");
    }

    /// <summary>The 429 still tells the client where it stands: the rate-limit headers, with remaining 0.</summary>
    [Order(3)]
    [Clause("RATE-06", Alone = Holds.RateLimitBudget)]
    [Test]
    public async Task RATE_06_The_429_carries_the_rate_limit_headers_with_remaining_0()
    {
        var run = await ExhaustionAsync();
        if (run.Throttled is not { } throttled) throw new Inconclusive("no 429 arrived while exhausting the budget; RATE-05 judges that", [.. run.Evidence]) { Owner = "RATE-05" };
        var read = Read(throttled);
        Expect(read.Reading is { Remaining: 0 }, "rate-limit headers on the 429 with remaining 0",
            read.Problem ?? $"remaining {read.Reading!.Remaining}", throttled);
    }

    /// <summary>HTTP-01 for the 429 itself: "every JSON answer the run receives", the throttled one too.</summary>
    [Order(4)]
    [Clause("HTTP-01", Alone = Holds.RateLimitBudget)]
    [Test]
    public async Task HTTP_01_The_429_answer_is_JSON_matching_the_error_schema()
    {
        var run = await ExhaustionAsync();
        if (run.Throttled is not { } throttled) throw new Inconclusive("no 429 arrived while exhausting the budget; RATE-05 judges that", [.. run.Evidence]) { Owner = "RATE-05" };
        ExpectJsonMatching(throttled, "the 429", Settings.ErrorSchema);
    }

    private sealed record ProbeStep(string KeySetting, Presentation Presentation, bool Counted = true)
    {
        public override string ToString() => $"{KeySetting} as {(Presentation == Presentation.ApiKeyHeader ? HeaderNames.PartnerApiKey : "Bearer")}";
    }

    /// <param name="RecoveryTooFar">Retry-After named a wait past MaxRecoveryWait: recovery was not awaited (an hourly window is legitimate).</param>
    private sealed record Exhaustion(IReadOnlyList<string> Problems, IReadOnlyList<Exchange> Evidence, Exchange? Throttled, TimeSpan? RecoveryTooFar = null);

    /// <summary>
    /// Retry-After as RFC 9110 §10.2.3 allows it: delay-seconds (at least 1) or an HTTP-date, read against the answer's
    /// own Date (the server's clock, not this machine's). Null, with the problem noted, when it is absent or neither.
    /// </summary>
    private static TimeSpan? RetryAfterOf(Exchange throttled, List<string> problems)
    {
        var value = throttled.Header(HeaderNames.RetryAfter);
        if (value is null)
        {
            problems.Add("the 429 has no Retry-After");
            return null;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds >= 1) return TimeSpan.FromSeconds(seconds);
            problems.Add($"Retry-After: {value} is not at least 1 second");
            return null;
        }
        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - DateOf(throttled);
            if (wait >= TimeSpan.FromSeconds(1)) return wait;
            problems.Add($"Retry-After: {value} is not after the answer's Date ({throttled.Header(HeaderNames.Date)})");
            return null;
        }
        problems.Add($"Retry-After: {value} is neither delay-seconds nor an HTTP-date");
        return null;
    }

    /// <summary>
    /// The later answer is in a new window: its reset lies later than the earlier one's, and its budget is fresh (no
    /// less remaining than before). Date and reset are whole seconds, so two answers of one window can differ by a second
    /// when a burst crosses one (seen under load: three such rounds made RATE-05 inconclusive); the first answer of a new
    /// window always has its whole budget less one, which no later answer of the same window has.
    /// </summary>
    private bool RolledOver(Exchange earlier, Exchange later) =>
        // In Unix seconds as doubles: an implausible reset (milliseconds read as seconds) must compare, not overflow.
        Read(earlier).Reading is { } a && Read(later).Reading is { } b
        && DateOf(later).ToUnixTimeSeconds() + b.ResetSeconds > DateOf(earlier).ToUnixTimeSeconds() + a.ResetSeconds + 0.5
        && b.Remaining >= a.Remaining;

    private static ProbeStep Step(string key, Presentation presentation = Presentation.Bearer) => new(key, presentation);

    private RateLimitRead Read(Exchange answer) =>
        RateLimitReader.Read(answer.ResponseHeaders, Settings.RateLimitHeaders, DateOf(answer));

    private static DateTimeOffset DateOf(Exchange answer) =>
        DateTimeOffset.TryParse(answer.Header(HeaderNames.Date), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : DateTimeOffset.UtcNow;

    private async Task<Exchange> SendAsync(ProbeStep step)
    {
        var key = Settings[step.KeySetting]!;
        return await Client.GetAsync(Probe, r => step.Presentation == Presentation.ApiKeyHeader ? r.WithApiKeyHeader(key) : r.WithBearer(key));
    }

    /// <summary>
    /// Sends the steps in order and expects each counted one to find one less remaining than the one before.
    /// A window that rolls over mid-sequence (remaining goes up) is allowed: the sequence is measured again, up to
    /// four times in all (a budget that is not shared looks like a roll-over every time, and fails after the fourth).
    /// </summary>
    /// <param name="countsItself">RATE-02 judges that remaining goes down at all; for the others a count that never moves
    /// is RATE-02's catch, and they can say nothing of whose budget it is.</param>
    private async Task ExpectOneBudgetAsync(string what, bool countsItself, params ProbeStep[] steps)
    {
        const int attempts = 4;
        for (var attempt = 1; ; attempt++)
        {
            var seen = new List<(ProbeStep Step, Exchange Answer, RateLimitRead Read)>();
            foreach (var step in steps)
            {
                var answer = await SendAsync(step);
                seen.Add((step, answer, Read(answer)));
            }
            // An uncounted step proves something only if it was served: a refused request draws on no budget anywhere.
            if (seen.FirstOrDefault(s => !s.Step.Counted && !s.Answer.IsSuccess) is { Answer: not null } unserved)
                Expect(false, $"{unserved.Step} to be served (2xx), or its requests prove nothing about budgets", Summary(unserved.Answer), unserved.Answer);
            var counted = seen.Where(s => s.Step.Counted).ToArray();
            // Plausibility of the values is RATE-01's to judge; here a remaining count is all that is needed.
            var unreadable = counted.FirstOrDefault(s => s.Read.Reading is null || !s.Answer.IsSuccess);
            // Serving the key is AUTH-02's (AUTH-03's for X-Partner-API-Key) to judge, and the headers RATE-01's: without
            // either, the counting has nothing to count.
            if (unreadable.Answer is not null)
            {
                var owner = !unreadable.Answer.IsSuccess ? (unreadable.Step.Presentation == Presentation.ApiKeyHeader ? "AUTH-03" : "AUTH-02") : "RATE-01";
                throw Inconclusive.OwnedBy(owner, $"{unreadable.Step} got no 2xx with readable rate-limit headers ({Summary(unreadable.Answer)}; " +
                                                  $"{unreadable.Read.Problem}), so there is nothing to count; {owner} judges that", unreadable.Answer);
            }
            var remaining = counted.Select(s => s.Read.Reading!.Remaining).ToArray();
            var rolledOver = remaining.Zip(remaining.Skip(1)).Any(p => p.Second > p.First);
            if (rolledOver && attempt < attempts) continue;
            if (!countsItself && remaining.Length > 1 && remaining.Distinct().Count() == 1)
                throw Inconclusive.OwnedBy("RATE-02", $"remaining stayed {remaining[0]} across {what}: a count that never moves shows no budget at all; RATE-02 judges that",
                    [.. seen.Select(s => s.Answer)]);
            var expected = remaining.Select((_, i) => remaining[0] - i).ToArray();
            Expect(remaining.SequenceEqual(expected), $"one budget across {what}: remaining {string.Join(" → ", expected)}",
                $"remaining {string.Join(" → ", counted.Select(s => $"{s.Read.Reading!.Remaining} ({s.Step})"))}", [.. seen.Select(s => s.Answer)]);
            return;
        }
    }

    private Task<Exhaustion> ExhaustionAsync()
    {
        var key = Settings.RateLimitKey is null ? "TestKey" : "RateLimitKey";
        var value = Settings[key]!;
        if (!Settings.AllowRateLimitExhaustion)
            throw new NeedsSetting("AllowRateLimitExhaustion", $"set it true (CREWPASS_ALLOW_RATE_LIMIT_EXHAUSTION): exhausting spends {key}'s whole budget; a dedicated RateLimitKey partner is recommended");
        if (value.StartsWith("cpk_live_", StringComparison.Ordinal) && !Settings.AllowLiveExhaustion)
            throw new NeedsSetting("AllowLiveExhaustion", $"set it true (CREWPASS_ALLOW_LIVE_EXHAUSTION): {key} is a live key, and exhausting it throttles production traffic");
        _exhaustion ??= new Lazy<Task<Exhaustion>>(() => ExhaustAsync(Step(key)));
        return _exhaustion.Value;
    }

    /// <summary>
    /// Spends what remains in one concurrent burst (so latency cannot stretch it past the window), then asks once more,
    /// which must be refused. A window that rolls over meanwhile starts another round; three rounds at most.
    /// </summary>
    private async Task<Exhaustion> ExhaustAsync(ProbeStep step)
    {
        var problems = new List<string>();
        var first = await SendAsync(step);
        var read = Read(first);
        if (read.Reading is null) return new Exhaustion([$"the first answer's rate-limit headers are unreadable: {read.Problem}"], [first], null);
        var limit = read.Reading.Limit;
        if (limit > Settings.MaxExhaustionRequests)
            throw new NeedsSetting("RateLimitKey", $"a key whose limit is at most MaxExhaustionRequests ({Settings.MaxExhaustionRequests}): {step.KeySetting}'s limit is {limit}; set RateLimitKey to a key of a partner with a small limit");

        var last = first;
        Exchange? throttled = null;
        for (var round = 1; round <= 3 && throttled is null; round++)
        {
            var before = last;
            var remaining = Read(before).Reading?.Remaining ?? 0;
            var burst = await Task.WhenAll(Enumerable.Range(0, (int)remaining).Select(_ => SendAsync(step)));
            if (burst.FirstOrDefault(a => a.Status == 429) is { } early)
            {
                problems.Add($"{burst.Count(a => a.Status == 429)} of {remaining} requests got 429 although the answer before said {remaining} remaining");
                throttled = early;
                break;
            }
            last = burst.Where(a => Read(a).Reading is not null).MinBy(a => Read(a).Reading!.Remaining) ?? last;
            // A window that rolled over during the burst (a slow network, a short window) proves nothing: spend again.
            if (burst.Any(a => RolledOver(before, a))) continue;
            if (Read(last).Reading is { Remaining: > 0 } left)
            {
                problems.Add($"{remaining} requests inside one window, yet the budget still says {left.Remaining} remaining");
                return new Exhaustion(problems, [before, last], null);
            }
            var next = await SendAsync(step);
            if (next.Status == 429)
            {
                throttled = next;
                break;
            }
            if (!RolledOver(last, next))
            {
                problems.Add($"no 429 after remaining 0: {Summary(next)}");
                return new Exhaustion(problems, [last, next], null);
            }
            last = next;
        }
        if (throttled is null)
            throw new Inconclusive($"the window rolled over while the budget was being spent, in each of three rounds (limit {limit}): no 429 could be provoked inside one window, which says nothing about the clause", last);

        if (ErrorCode(throttled) != "rate_limited") problems.Add($"the 429's code is {ErrorCode(throttled) ?? "(none)"}, not rate_limited");
        var resetSeconds = Read(throttled).Reading?.ResetSeconds ?? Read(last).Reading?.ResetSeconds;
        var wait = RetryAfterOf(throttled, problems);
        // One second of rounding; an HTTP-date and the Date it is read against each round to the second, so two.
        var rounding = throttled.Header(HeaderNames.RetryAfter) is { } given && given.Contains(',', StringComparison.Ordinal) ? 2 : 1;
        if (wait is null)
        {
            wait = TimeSpan.FromSeconds(Math.Ceiling(Math.Min(resetSeconds ?? 1, 86_400)));
        }
        else if (resetSeconds is { } reset && wait.Value.TotalSeconds > reset + rounding)
        {
            problems.Add($"Retry-After {wait.Value.TotalSeconds:0} s is past the reset in {reset:0.#} s");
            wait = TimeSpan.FromSeconds(Math.Ceiling(reset) + 1);
        }
        if (wait > Settings.MaxRecoveryWait)
            return new Exhaustion(problems, [throttled], throttled, RecoveryTooFar: wait);
        await Task.Delay(wait.Value);
        var recovered = await SendAsync(step);
        if (!recovered.IsSuccess) problems.Add($"after waiting {wait.Value.TotalSeconds:0} s the service did not resume: {Summary(recovered)}");
        return new Exhaustion(problems, [throttled, recovered], throttled);
    }
}
#pragma warning restore CS0618
