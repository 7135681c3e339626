using System.Text;
using FluentAssertions;
using FluentAssertions.Execution;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Keys;
using CrewPass.Conformance.Schemas;
using CrewPass.Conformance.Settings;
using NUnit.Framework;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>
/// The base of every suite: one fixture per target, and the few verbs a check is written in.
/// A failing check says what it expected, what it got, and shows the exchanges, redacted.
/// </summary>
[TestFixtureSource(typeof(Cases), nameof(Cases.Targets))]
public abstract class ConformanceSuite(string target)
{
    /// <summary>The target's name: what the fixture is listed under, known before anything starts.</summary>
    public string TargetName { get; } = target;

    /// <summary>The started, preflighted target; null when its preflight failed (then no check of it runs).</summary>
    public TargetUnderTest? StartedTarget => Run.Current.Targets.FirstOrDefault(t => t.Name == TargetName);

    public TargetUnderTest Target => StartedTarget ?? throw new InvalidOperationException($"the target {TargetName} did not pass its preflight");
    /// <summary>The settings of the deployment the check talks to (the signing checks may talk to the write-surface companion).</summary>
    protected virtual HarnessSettings Settings => Target.Settings;
    protected ConformanceClient Client => Target.Client;
    protected static SchemaCatalogue Schemas => SchemaCatalogue.Bundled;

    /// <summary>The value of an optional setting, or a skip that names it (a failure under Strict=true).</summary>
    protected string Need(string setting) => Needs.Value(Settings, setting);

    /// <summary>A check's one condition: expected against actual, with the exchanges as evidence.</summary>
    protected static void Expect(bool holds, string expected, string actual, params Exchange[] evidence)
    {
        using var scope = Scope(evidence);
        scope.ForCondition(holds).FailWith(Literal($"expected {expected}\n  actual {actual}"));
    }

    /// <summary>
    /// One AssertionScope for one answer: every violation of it is listed in the one failure, each expected against
    /// actual, with the exchange attached once.
    /// </summary>
    protected static void ExpectAnswer(Exchange answer, string what, Action assertions)
    {
        using var scope = Scope([answer]);
        scope.Context = new Lazy<string>(() => Literal(what));
        assertions();
    }

    private static AssertionScope Scope(IReadOnlyList<Exchange> evidence)
    {
        var scope = new AssertionScope();
        for (var i = 0; i < evidence.Count; i++)
        {
            var exchange = evidence[i];
            scope.AddReportable(evidence.Count == 1 ? "evidence" : $"evidence {i + 1}", () => "\n" + exchange.Evidence());
        }
        return scope;
    }

    /// <summary>FluentAssertions reads braces in a message as placeholders; the target's JSON must stay text.</summary>
    internal static string Literal(string text) => text.Replace("{", "{{").Replace("}", "}}");

    /// <summary>The answer to a request that must be refused, sent once per target (often ahead, RunLifecycle) and judged by every clause that reads it.</summary>
    protected async Task<(Exchange Answer, bool HttpLayerMayAnswer)> RefusalAsync(Refusal refusal, Endpoint endpoint)
    {
        var probe = RefusalProbe.Plan(refusal, endpoint, Settings, Run.Planned.FuzzSeed);
        return (await Target.ShareAsync(probe.Key, () => Client.SendAsync(probe.Request)), probe.HttpLayerMayAnswer);
    }

    /// <summary>The credential a corpus case stands for on this target (its seeded random parts are the same each time).</summary>
    protected string CredentialValue(CredentialCase credential) => CredentialTemplate.Fill(credential.Template, Need, new Bogus.Randomizer(Run.Planned.FuzzSeed));

    /// <summary>An HTTP-layer 400 or 431 to a credential that allows one: a proxy answered, not the API.</summary>
    protected static bool HttpLayerAnswered((Exchange Answer, bool HttpLayerMayAnswer) refusal) =>
        refusal.HttpLayerMayAnswer && refusal.Answer.Status is 400 or 431;

    /// <summary>The shared answer to a GET with a valid key of the run; a key that is not set is a skip naming it.</summary>
    protected Task<Exchange> ObserveAsync(Endpoint endpoint, KeyUse key)
    {
        Need(key.Setting);
        return Target.ObserveAsync(endpoint.Path, key.Setting, key.Presentation);
    }

    /// <summary>
    /// A 429 is the target protecting a spent budget: it says nothing about the clause at hand. The rate-limit clause that
    /// owns it: RATE-04 for another partner's key (its requests must be served), else RATE-02 (one request, one unit).
    /// </summary>
    protected static Exchange NotThrottled(Exchange answer, string what, string keySetting) =>
        answer.Status == 429
            ? throw new Inconclusive($"{what} was answered 429 (a spent budget), which proves nothing here", answer) { Owner = keySetting == "OtherPartnerKey" ? "RATE-04" : "RATE-02" }
            : answer;

    /// <summary>
    /// A valid key not honoured at all, refused as invalid or redirected, where the plain read of the same key and form
    /// (AUTH-02's for Bearer, AUTH-03's for X-Partner-API-Key, AUTH-07's for a redirect) is not honoured either: the answer
    /// says nothing of what this check varies, and the clause of that plain read owns it.
    /// </summary>
    protected async Task ExpectKeyHonouredAsync(Exchange answer, Endpoint endpoint, string keySetting, Presentation presentation = Presentation.Bearer)
    {
        if (Honoured(answer)) return;
        var plain = await Target.ObserveAsync(endpoint.Path, keySetting, presentation);
        if (Honoured(plain)) return;
        var owner = plain.Status is >= 300 and < 400 ? "AUTH-07" : presentation == Presentation.ApiKeyHeader ? "AUTH-03" : "AUTH-02";
        var form = presentation == Presentation.ApiKeyHeader ? HeaderNames.PartnerApiKey : "Bearer";
        throw Inconclusive.OwnedBy(owner, $"{keySetting}'s plain read of {endpoint} as {form} is not honoured either ({Summary(plain)}), " +
                                          $"so this answer says nothing of what the check varies; {owner} judges that", answer, plain);
    }

    /// <summary>An answer that took the key: anything but a redirect or the invalid_api_key refusal.</summary>
    private bool Honoured(Exchange answer) => answer.Status is not (>= 300 and < 400) && ErrorCode(answer) != "invalid_api_key";

    /// <summary>HTTP-01 for one answer: application/json (parameters ignored) and every schema given; extra fields are allowed.</summary>
    protected void ExpectJsonMatching(Exchange answer, string what, params IEnumerable<string> schemas)
    {
        var violations = schemas.SelectMany(schema => Schemas.Violations(schema, answer.Body).Select(v => $"{Path.GetFileName(schema)} {v}")).ToArray();
        ExpectAnswer(answer, $"{what} ({Summary(answer)})", () =>
        {
            answer.MediaType.Should().Be("application/json", "HTTP-01: bodies are JSON (media-type parameters ignored)");
            violations.Should().BeEmpty("the body must match {0}", string.Join(" and ", schemas.Select(Path.GetFileName)));
        });
    }

    protected string? ErrorCode(Exchange exchange) => exchange.StringAt(Settings.ErrorCodePointer);

    protected string Summary(Exchange exchange) =>
        $"{exchange.Status} {exchange.Reason}" + (ErrorCode(exchange) is { } code ? $" with code {code}" : "");

    /// <summary>The scopes /partners/me lists for a key (empty when it does not answer with a list).</summary>
    protected async Task<IReadOnlySet<string>> GrantedScopesAsync(string keySetting)
    {
        var me = await Target.ObserveAsync(ContractDefaults.MePath, keySetting);
        return me.Json?["scopes"] is System.Text.Json.Nodes.JsonArray scopes
            ? scopes.Select(s => s?.ToString() ?? "").ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();
    }

    /// <summary>
    /// The key was accepted: a 2xx, or, where the key's plan does not grant the endpoint's scope, the
    /// insufficient_scope refusal (the key was recognised; ME-03 judges the scope).
    /// </summary>
    protected async Task<bool> AcceptedAsync(Exchange answer, Endpoint endpoint, string keySetting)
    {
        if (answer.IsSuccess) return true;
        if (endpoint.Scope is null || (await GrantedScopesAsync(keySetting)).Contains(endpoint.Scope)) return false;
        return answer.Status == Settings.InsufficientScopeStatus && ErrorCode(answer) == "insufficient_scope";
    }
}
