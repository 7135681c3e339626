using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites;

/// <summary>ME: "Call GET /api/v2/partners/me to see your identity and full granted-scope list."</summary>
public sealed class IdentitySuite(TargetUnderTest target) : ConformanceSuite(target)
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
        Expect(answer.Status == 200 && violations.Count == 0, "200 with a body matching partner.schema.json",
            Summary(answer) + (violations.Count > 0 ? "; schema: " + string.Join("; ", violations) : ""), answer);
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

    /// <summary>"Your granted scopes are derived from your CrewPass plan": what is listed is served, what is not is refused.</summary>
    [Clause("ME-03")]
    [TestCaseSource(nameof(EndpointsAndKeys))]
    public async Task ME_03_The_scope_list_is_the_whole_grant(Endpoint endpoint, string keySetting)
    {
        Need(keySetting);
        if (endpoint.Scope is null) throw new NotApplicable($"{endpoint} needs no scope");
        var granted = (await GrantedScopesAsync(keySetting)).Contains(endpoint.Scope!);
        var answer = await Target.ObserveAsync(endpoint.Path, keySetting);
        if (granted)
            Expect(answer.IsSuccess, $"2xx: {keySetting}'s scope list names {endpoint.Scope}", Summary(answer), answer);
        else
            Expect(answer.Status == Settings.InsufficientScopeStatus && ErrorCode(answer) == "insufficient_scope",
                $"{Settings.InsufficientScopeStatus} insufficient_scope: {keySetting}'s scope list lacks {endpoint.Scope}", Summary(answer), answer);
    }

    public static IEnumerable<TestCaseData> EndpointsAndKeys() =>
        Cases.EachEndpointWith(Cases.Endpoints.Where(e => e.Scope is not null), "LiveKey", "TestKey", "RestrictedKey");
}
