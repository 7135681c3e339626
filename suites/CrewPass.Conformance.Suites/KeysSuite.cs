using System.Text.RegularExpressions;
using Bogus;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Keys;
using CrewPass.Conformance.Schemas;
using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites;

/// <summary>KEY: which keys are accepted. "A missing or invalid key returns invalid_api_key."</summary>
public sealed partial class KeysSuite(string target) : ConformanceSuite(target)
{
    /// <summary>Every credential of fixtures/keys/invalid-credentials.json and the generated ones is refused with invalid_api_key.</summary>
    [Clause("KEY-01")]
    [TestCaseSource(typeof(Cases), nameof(Cases.InvalidCredentials))]
    public async Task KEY_01_Every_invalid_credential_gets_invalid_api_key(CredentialCase credential, Endpoint endpoint)
    {
        var refusal = await RefusalAsync(new Refusal(credential), endpoint);
        var answer = refusal.Answer;
        ExpectAnswer(answer, $"the answer to {credential.Why}", () =>
        {
            answer.Status.Should().BeInRange(400, 499, "an invalid credential is refused: never a 2xx, never a 5xx");
            if (!HttpLayerAnswered(refusal))
                ErrorCode(answer).Should().Be("invalid_api_key", "the code at {0}" + (refusal.HttpLayerMayAnswer ? " (or an HTTP-layer 400/431)" : ""), Settings.ErrorCodePointer);
        });
    }

    /// <summary>
    /// The invalid_api_key answer: status InvalidKeyStatus, the error schema (ErrorSchema), the code at ErrorCodePointer;
    /// for every refusal (the missing key, every corpus credential, the revoked key, every widget key), not one of them.
    /// </summary>
    [Clause("KEY-02")]
    [TestCaseSource(typeof(Cases), nameof(Cases.EveryRefusal))]
    public async Task KEY_02_The_invalid_api_key_answer_has_the_contract_shape(Refusal refusal, Endpoint endpoint)
    {
        var answered = await RefusalAsync(refusal, endpoint);
        if (HttpLayerAnswered(answered)) throw new NotApplicable($"an HTTP-layer {answered.Answer.Status} answered {refusal.Why}, before the API (KEY-01 allows it)");
        var answer = answered.Answer;
        // No refusal came at all (served, or a crash): that is the refusing clause's catch; KEY-02 judges a refusal's shape.
        var refuses = refusal.Credential?.Clause ?? "AUTH-01";
        if (answer.IsSuccess || answer.Status >= 500)
            throw new Inconclusive($"{refusal.Why} was not refused ({Summary(answer)}), so there is no refusal to judge the shape of; {refuses} judges that", answer) { Owner = refuses };
        var violations = Schemas.Violations(Settings.ErrorSchema, answer.Body);
        ExpectAnswer(answer, $"the invalid_api_key answer to {refusal.Why}", () =>
        {
            answer.Status.Should().Be(Settings.InvalidKeyStatus, "InvalidKeyStatus is the status of invalid_api_key");
            violations.Should().BeEmpty("the body must match {0}", Path.GetFileName(Settings.ErrorSchema));
            ErrorCode(answer).Should().Be("invalid_api_key", "the code at {0}", Settings.ErrorCodePointer);
        });
    }

    /// <summary>RFC 6750 §3: a 401 names the Bearer scheme in WWW-Authenticate, on every refusal.</summary>
    [Clause("KEY-03")]
    [TestCaseSource(typeof(Cases), nameof(Cases.EveryRefusal))]
    public async Task KEY_03_A_401_carries_WWW_Authenticate_Bearer(Refusal refusal, Endpoint endpoint)
    {
        var (answer, _) = await RefusalAsync(refusal, endpoint);
        if (answer.Status != 401) throw new NotApplicable($"the target refused {refusal.Why} with {answer.Status}, not 401");
        var challenge = answer.Header(HeaderNames.WwwAuthenticate);
        Expect(challenge is not null && BearerChallenge().IsMatch(challenge), $"WWW-Authenticate naming the Bearer scheme, for {refusal.Why}",
            challenge is null ? "no WWW-Authenticate header" : $"WWW-Authenticate: {challenge}", answer);
    }

    /// <summary>No answer, success or error, repeats the key it was sent.</summary>
    [Clause("KEY-04")]
    [TestCaseSource(nameof(PresentedKeys))]
    public async Task KEY_04_No_answer_echoes_the_presented_key(Endpoint endpoint, PresentedKey key)
    {
        var (presented, answer) = await key.Send(this, endpoint);
        var body = presented[(presented.LastIndexOf('_') + 1)..];
        var echoed = new[] { presented, body }.Where(s => s.Length >= 12)
            .Any(s => answer.Body.Contains(s, StringComparison.OrdinalIgnoreCase)
                      || answer.ResponseHeaders.Any(h => h.Value.Contains(s, StringComparison.OrdinalIgnoreCase)));
        Expect(!echoed, "no header or body containing the presented key", $"{Summary(answer)} that repeats the key", answer);
    }

    /// <summary>A key KEY-04 presents, valid or not, and how.</summary>
    public sealed record PresentedKey(string Name, Func<KeysSuite, Endpoint, Task<(string Presented, Exchange Answer)>> Send)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<TestCaseData> PresentedKeys() =>
        from e in Cases.Endpoints
        from key in new PresentedKey[]
        {
            new("valid-bearer", async (suite, e) => (suite.Settings.LiveKey!, await suite.Target.ObserveAsync(e.Path, "LiveKey"))),
            new("valid-x-partner-api-key", async (suite, e) => (suite.Settings.LiveKey!, await suite.Target.ObserveAsync(e.Path, "LiveKey", Presentation.ApiKeyHeader))),
            // The corpus's own refusals, shared with KEY-01 to KEY-03: the same request needs asking once.
            new("unknown-key", (suite, e) => suite.CorpusRefusalAsync("unknown-live-key", e)),
            new("genuine-key-appended", (suite, e) => suite.CorpusRefusalAsync("genuine-key-appended", e)),
        }
        select new TestCaseData(e, key).SetArgDisplayNames(e.ToString(), key.Name);

    /// <summary>"Public read-only widget keys (cppk_*) are a separate, future surface and are not accepted here."</summary>
    [Clause("KEY-05")]
    [TestCaseSource(typeof(Cases), nameof(Cases.WidgetCredentials))]
    public async Task KEY_05_Widget_keys_are_refused_with_invalid_api_key(CredentialCase credential, Endpoint endpoint)
    {
        var (answer, _) = await RefusalAsync(new Refusal(credential), endpoint);
        ExpectAnswer(answer, $"the answer to {credential.Why}", () =>
        {
            answer.Status.Should().BeInRange(400, 499, "a widget key is refused: never a 2xx, never a 5xx");
            ErrorCode(answer).Should().Be("invalid_api_key", "the code at {0}", Settings.ErrorCodePointer);
        });
    }

    /// <summary>cpk_live_ and cpk_test_ keys are two modes of one partner account.</summary>
    [Clause("KEY-06")]
    [Test]
    public async Task KEY_06_Live_and_test_keys_identify_the_same_partner()
    {
        var live = await Target.ObserveAsync(ContractDefaults.MePath, "LiveKey");
        var test = await Target.ObserveAsync(ContractDefaults.MePath, "TestKey");
        var liveId = live.StringAt("/partner_id");
        Expect(liveId is not null && liveId == test.StringAt("/partner_id"), $"TestKey to identify partner {liveId ?? "(none)"} as LiveKey does",
            $"TestKey identifies {test.StringAt("/partner_id") ?? "(no partner_id)"}", live, test);
    }

    [GeneratedRegex(@"(^|,)\s*Bearer(\s|,|$)", RegexOptions.IgnoreCase)]
    private static partial Regex BearerChallenge();

    /// <summary>A corpus credential presented as Bearer, and its shared answer.</summary>
    private async Task<(string, Exchange)> CorpusRefusalAsync(string name, Endpoint endpoint)
    {
        var refusal = Cases.Refusals.Single(r => r.Name == name && r.Credential!.Presentation == Presentation.Bearer);
        var (answer, _) = await RefusalAsync(refusal, endpoint);
        return (CredentialValue(refusal.Credential!), answer);
    }
}
