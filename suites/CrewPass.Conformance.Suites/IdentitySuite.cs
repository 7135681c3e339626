using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites;

/// <summary>ME: "Call GET /api/v2/partners/me to see your identity and full granted-scope list."</summary>
public sealed class IdentitySuite(string target) : ConformanceSuite(target)
{
    /// <summary>Every valid key may call /partners/me, and gets the partner schema back.</summary>
    [Clause("ME-01")]
    [TestCase("LiveKey")]
    [TestCase("TestKey")]
    [TestCase("RestrictedKey")]
    public async Task ME_01_partners_me_answers_every_valid_key_with_the_partner_schema(string keySetting)
    {
        Need(keySetting);
        var answer = await Target.ObserveAsync(ContractDefaults.MePath, keySetting);
        var violations = answer.IsSuccess ? Schemas.Violations("partner.schema.json", answer.Body) : [];
        ExpectAnswer(answer, $"/partners/me with {keySetting}", () =>
        {
            answer.Status.Should().Be(200, "every valid key may call /partners/me");
            violations.Should().BeEmpty("the body must match partner.schema.json");
        });
    }

    /// <summary>"cpk_live_… operates on production data. cpk_test_… operates on test-flagged data."</summary>
    [Clause("ME-02")]
    [TestCase("LiveKey", "live")]
    [TestCase("TestKey", "test")]
    public async Task ME_02_The_mode_matches_the_key(string keySetting, string mode)
    {
        var answer = await Target.ObserveAsync(ContractDefaults.MePath, keySetting);
        Expect(answer.StringAt("/mode") == mode, $"mode \"{mode}\" for {keySetting}", $"mode {answer.Json?["mode"]?.ToJsonString() ?? "(none)"}", answer);
    }

    /// <summary>"Your granted scopes are derived from your CrewPass plan": what is listed is served, what is not is refused; every key, both forms.</summary>
    [Clause("ME-03")]
    [TestCaseSource(nameof(ScopedEndpointsWithEveryKey))]
    public async Task ME_03_The_scope_list_is_the_whole_grant(Endpoint endpoint, KeyUse key)
    {
        var answer = NotThrottled(await ObserveAsync(endpoint, key), $"{endpoint} with {key}", key.Setting);
        var me = await Target.ObserveAsync(ContractDefaults.MePath, key.Setting);
        if (me.Json?["scopes"] is not System.Text.Json.Nodes.JsonArray)
            throw new Inconclusive($"{key.Setting}'s scope list cannot be read from /partners/me ({Summary(me)}), so nothing says what it grants; ME-01 judges that", me) { Owner = "ME-01" };
        var granted = (await GrantedScopesAsync(key.Setting)).Contains(endpoint.Scope!);
        // Served or refused for its scope, the key must have been read in its form: where LiveKey (which the scope does not
        // stop) is not honoured on this endpoint in this form either, the form is broken here, and AUTH-02 or AUTH-03 owns it.
        await ExpectKeyHonouredAsync(answer, endpoint, granted ? key.Setting : "LiveKey", key.Presentation);
        if (granted)
            Expect(answer.IsSuccess, $"2xx: {key.Setting}'s scope list names {endpoint.Scope}", Summary(answer), answer);
        else
            ExpectAnswer(answer, $"{endpoint} with {key}, whose scope list lacks {endpoint.Scope}", () =>
            {
                answer.Status.Should().Be(Settings.InsufficientScopeStatus, "InsufficientScopeStatus is the status of insufficient_scope");
                ErrorCode(answer).Should().Be("insufficient_scope", "the code at {0}", Settings.ErrorCodePointer);
            });
    }

    /// <summary>The refusal half of ME-03 needs a key that lacks a scope: RestrictedKey must lack one, or nothing shows it.</summary>
    [Clause("ME-03")]
    [Test]
    public async Task ME_03_RestrictedKey_lacks_a_catalogued_scope()
    {
        Need("RestrictedKey");
        var me = await Target.ObserveAsync(ContractDefaults.MePath, "RestrictedKey");
        Expect(me.Status == 200, "200 from /partners/me for RestrictedKey, with its scope list", Summary(me), me);
        var scopes = Cases.Endpoints.Select(e => e.Scope).OfType<string>().Distinct().ToArray();
        var granted = await GrantedScopesAsync("RestrictedKey");
        if (scopes.All(granted.Contains))
            throw new NeedsSetting("RestrictedKey", $"its scope list ({string.Join(", ", granted)}) lacks no catalogued scope ({string.Join(", ", scopes)}), " +
                                                    "so no refusal can be shown; set CREWPASS_RESTRICTED_KEY to a key of a plan without one of them");
    }

    public static IEnumerable<TestCaseData> ScopedEndpointsWithEveryKey() => Cases.EachEndpointWithEveryKey(Cases.Endpoints.Where(e => e.Scope is not null));
}
