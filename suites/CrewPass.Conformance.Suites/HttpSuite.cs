using CrewPass.Conformance.Http;
using CrewPass.Conformance.Schemas;
using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites;

/// <summary>HTTP: what a client sees of every answer, success or error.</summary>
public sealed class HttpSuite(TargetUnderTest target) : ConformanceSuite(target)
{
    /// <summary>Bodies are application/json (parameters ignored) and match their schemas; extra fields are allowed.</summary>
    [Clause("HTTP-01")]
    [TestCaseSource(nameof(Answers))]
    public async Task HTTP_01_Bodies_are_JSON_and_match_their_schemas(Endpoint endpoint, string variant)
    {
        var answer = await AnswerAsync(endpoint, variant);
        var schema = answer.IsSuccess ? endpoint.Schema : Settings.ErrorSchema;
        var violations = Schemas.Violations(schema, answer.Body);
        Expect(answer.MediaType == "application/json" && violations.Count == 0, $"application/json matching {schema}",
            $"{Summary(answer)} as {answer.MediaType ?? "(no Content-Type)"}" + (violations.Count > 0 ? "; schema: " + string.Join("; ", violations) : ""), answer);
    }

    /// <summary>A keyed answer is not kept by shared caches: Cache-Control no-store or private.</summary>
    [Clause("HTTP-02")]
    [TestCaseSource(nameof(KeyedAnswers))]
    public async Task HTTP_02_Keyed_answers_are_not_cacheable_by_shared_caches(Endpoint endpoint, string variant)
    {
        var answer = await AnswerAsync(endpoint, variant);
        var directives = (answer.Header("Cache-Control") ?? "").Split(',').Select(d => d.Trim().Split('=')[0].ToLowerInvariant()).ToHashSet();
        Expect(directives.Contains("no-store") || directives.Contains("private"), "Cache-Control with no-store or private",
            answer.Header("Cache-Control") is { } value ? $"Cache-Control: {value}" : "no Cache-Control", answer);
    }

    public static IEnumerable<TestCaseData> Answers() =>
        Cases.EachEndpointWith(Cases.Endpoints, "live-key", "test-key", "no-key", "unknown-key")
            .Concat(Cases.EachEndpointWith(Cases.Endpoints.Where(e => e.Scope is not null), "restricted-key"));

    public static IEnumerable<TestCaseData> KeyedAnswers() =>
        Answers().Where(c => !Equals(c.Arguments[1], "no-key"));

    private async Task<Exchange> AnswerAsync(Endpoint endpoint, string variant) => variant switch
    {
        "live-key" => await Target.ObserveAsync(endpoint.Path, "LiveKey"),
        "test-key" => await Target.ObserveAsync(endpoint.Path, "TestKey"),
        "restricted-key" => await Target.ObserveAsync(endpoint.Path, RestrictedKeySetting()),
        "no-key" => await Client.GetAsync(endpoint.Path),
        _ => await Client.GetAsync(endpoint.Path, r => r.WithBearer("cpk_test_" + new string('1', 24))),
    };

    private string RestrictedKeySetting()
    {
        Need("RestrictedKey");
        return "RestrictedKey";
    }
}
