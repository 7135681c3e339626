using System.Text.Json.Nodes;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Keys;
using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites;

/// <summary>AUTH: presenting the key. "Present the key as a Bearer token (preferred) or in the X-Partner-API-Key header."</summary>
public sealed class AuthenticationSuite(string target) : ConformanceSuite(target)
{
    /// <summary>"A missing or invalid key returns invalid_api_key."</summary>
    [Clause("AUTH-01")]
    [TestCaseSource(typeof(Cases), nameof(Cases.EachEndpoint))]
    public async Task AUTH_01_A_request_without_a_key_gets_invalid_api_key(Endpoint endpoint)
    {
        var (answer, _) = await RefusalAsync(Refusal.NoKey, endpoint);
        ExpectAnswer(answer, $"the answer to {endpoint} without a key", () =>
        {
            answer.Status.Should().BeInRange(400, 499, "a request without a key is refused");
            ErrorCode(answer).Should().Be("invalid_api_key", "the code at {0}", Settings.ErrorCodePointer);
        });
    }

    /// <summary>"Present the key as a Bearer token (preferred)": Authorization: Bearer &lt;key&gt; is accepted.</summary>
    [Clause("AUTH-02")]
    [TestCaseSource(typeof(Cases), nameof(Cases.EachEndpointAndKey))]
    public async Task AUTH_02_Bearer_is_accepted(Endpoint endpoint, string keySetting)
    {
        var answer = await Target.ObserveAsync(endpoint.Path, keySetting);
        Expect(await AcceptedAsync(answer, endpoint, keySetting), $"{keySetting} as a Bearer token to be accepted (2xx)", Summary(answer), answer);
    }

    /// <summary>"… or in the X-Partner-API-Key header": same status, identity and data as the Bearer form.</summary>
    [Clause("AUTH-03")]
    [TestCaseSource(typeof(Cases), nameof(Cases.EachEndpointAndKey))]
    public async Task AUTH_03_X_Partner_API_Key_is_accepted_and_answers_like_Bearer(Endpoint endpoint, string keySetting)
    {
        var key = Settings[keySetting]!;
        var bearer = await Target.ObserveAsync(endpoint.Path, keySetting);
        var header = await Target.ObserveAsync(endpoint.Path, keySetting, Presentation.ApiKeyHeader);
        // The shared answers were taken at different moments: where they differ on data that may have changed in
        // between (a list, not the identity), both forms are asked again back to back, and those two are judged.
        if (endpoint.Path != ContractDefaults.MePath && !(header.Status == bearer.Status && SameContent(bearer.Json, header.Json)))
        {
            bearer = await Client.GetAsync(endpoint.Path, r => r.WithBearer(key));
            header = await Client.GetAsync(endpoint.Path, r => r.WithApiKeyHeader(key));
        }
        await ExpectKeyHonouredAsync(bearer, endpoint, keySetting);
        Expect(await AcceptedAsync(header, endpoint, keySetting) && header.Status == bearer.Status && SameContent(bearer.Json, header.Json),
            $"the X-Partner-API-Key answer to equal the Bearer answer ({Summary(bearer)}, same body; lists compared as sets of ids)",
            header.Status == bearer.Status ? $"{Summary(header)} with a different body" : Summary(header), bearer, header);
    }

    /// <summary>
    /// Header names are case-insensitive (RFC 9110 §5.1): HTTP/2 sends every name in lower case, HTTP/1.1 clients spell it
    /// as they like. Sent over HTTP/1.1, so the spelling reaches the server as written.
    /// </summary>
    [Clause("AUTH-03")]
    [TestCaseSource(nameof(ApiKeyHeaderSpellings))]
    public async Task AUTH_03_The_header_name_is_matched_in_any_letter_case(Endpoint endpoint, string spelling)
    {
        var answer = NotThrottled(await Client.SendAsync(ApiRequest.Get(endpoint.Path).WithHeader(spelling, Settings[FormKey]!) with { Http11 = true }),
            $"{FormKey} in the header spelt {spelling}", FormKey);
        await ExpectKeyHonouredAsync(answer, endpoint, FormKey, Presentation.ApiKeyHeader);
        Expect(await AcceptedAsync(answer, endpoint, FormKey), $"the key to be accepted in the header spelt '{spelling}' (over HTTP/1.1)", Summary(answer), answer);
    }

    public static IEnumerable<TestCaseData> ApiKeyHeaderSpellings() => Cases.EachEndpointWith(Cases.Endpoints, "x-partner-api-key", "X-PARTNER-API-KEY");

    /// <summary>
    /// AUTH-04 to AUTH-06 judge how a request is written, not whose data it reads: they present another partner's key
    /// where the run has one (OtherPartnerKey), so the partner under test's budget goes to what only its keys can show.
    /// </summary>
    private string FormKey => Settings.OtherPartnerKey is null ? "LiveKey" : "OtherPartnerKey";

    /// <summary>RFC 9110 §11.1: the scheme name is case-insensitive.</summary>
    [Clause("AUTH-04")]
    [TestCaseSource(nameof(SchemeSpellings))]
    public async Task AUTH_04_The_scheme_name_is_case_insensitive(Endpoint endpoint, string scheme)
    {
        var answer = NotThrottled(await Client.GetAsync(endpoint.Path, r => r.WithHeader(HeaderNames.Authorization, $"{scheme} {Settings[FormKey]}")), $"{FormKey} with the scheme '{scheme}'", FormKey);
        await ExpectKeyHonouredAsync(answer, endpoint, FormKey);
        Expect(await AcceptedAsync(answer, endpoint, FormKey), $"the key to be accepted with the scheme spelt '{scheme}'", Summary(answer), answer);
    }

    /// <summary>"Every v1 read takes the same Bearer header and nothing else": the page's own curl request is enough.</summary>
    [Clause("AUTH-05")]
    [TestCaseSource(typeof(Cases), nameof(Cases.EachEndpoint))]
    public async Task AUTH_05_A_read_needs_the_key_and_nothing_else(Endpoint endpoint)
    {
        var answer = NotThrottled(await Client.SendAsync(ApiRequest.Get(endpoint.Path).WithBearer(Settings[FormKey]!) with { Minimal = true }), $"{FormKey} on the page's curl request", FormKey);
        await ExpectKeyHonouredAsync(answer, endpoint, FormKey);
        Expect(await AcceptedAsync(answer, endpoint, FormKey), "the key to be accepted on a request with only the Bearer header (and Host, User-Agent, Accept: */*, as curl sends)",
            Summary(answer), answer);
    }

    /// <summary>"… it is not required for any v1 read": signature headers on a read are not refused.</summary>
    [Clause("AUTH-06")]
    [TestCaseSource(typeof(Cases), nameof(Cases.EachEndpoint))]
    public async Task AUTH_06_A_read_with_signature_headers_is_still_served(Endpoint endpoint)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answer = NotThrottled(await Client.GetAsync(endpoint.Path, r => r.WithBearer(Settings[FormKey]!)
            .WithHeader(HeaderNames.Timestamp, timestamp)
            .WithHeader(HeaderNames.Nonce, Guid.NewGuid().ToString("N"))
            .WithHeader(HeaderNames.Signature, "v1=" + new string('0', 64))), $"{FormKey} with signature headers", FormKey);
        await ExpectKeyHonouredAsync(answer, endpoint, FormKey);
        Expect(await AcceptedAsync(answer, endpoint, FormKey), "the key to be accepted: v1 reads ignore X-CrewPass-* signature headers", Summary(answer), answer);
    }

    // "An API key, presented as a Bearer token over TLS": a non-loopback cleartext BaseUrl never gets this far (the
    // preflight refuses it before sending anything, ClientTests show it), so a check here could never fail. What a
    // deployment can still get wrong is sending a keyed client to cleartext, which the check below judges.

    /// <summary>A redirect to http:// would make a client resend the key in cleartext.</summary>
    [Clause("AUTH-07")]
    [TestCaseSource(typeof(Cases), nameof(Cases.EachEndpointAndKey))]
    public async Task AUTH_07_No_keyed_request_is_redirected_to_cleartext(Endpoint endpoint, string keySetting)
    {
        var answer = await Target.ObserveAsync(endpoint.Path, keySetting);
        var location = answer.Header(HeaderNames.Location);
        var cleartext = location is not null && location.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        Expect(!cleartext, "no redirect of a keyed request to an http:// URL", $"{Summary(answer)} to {location}", answer);
    }

    /// <summary>RFC 6750 §2.3: keys in URLs end up in logs, so a key in the query string is not accepted.</summary>
    [Clause("AUTH-08")]
    [TestCaseSource(nameof(QueryParameters))]
    public async Task AUTH_08_A_key_in_the_query_string_is_not_accepted(Endpoint endpoint, string parameter)
    {
        var answer = NotThrottled(await Client.GetAsync(endpoint.Path, r => r.WithQuery(parameter, Settings.TestKey!)), $"the key in ?{parameter}=", "TestKey");
        Expect(answer.Status is >= 400 and < 500, $"the key in ?{parameter}= to be refused (a 4xx)", Summary(answer), answer);
    }

    [Clause("AUTH-08")]
    [TestCaseSource(nameof(QueryParameters))]
    public async Task AUTH_08_A_key_in_a_cookie_is_not_accepted(Endpoint endpoint, string cookie)
    {
        var answer = NotThrottled(await Client.GetAsync(endpoint.Path, r => r.WithHeader(HeaderNames.Cookie, $"{cookie}={Settings.TestKey}")), $"the key in the cookie {cookie}", "TestKey");
        Expect(answer.Status is >= 400 and < 500, $"the key in the cookie {cookie} to be refused (a 4xx)", Summary(answer), answer);
    }

    public static IEnumerable<TestCaseData> SchemeSpellings() => Cases.EachEndpointWith(Cases.Endpoints, "bearer", "BEARER");

    public static IEnumerable<TestCaseData> QueryParameters() => Cases.EachEndpointWith(Cases.Endpoints, "api_key", "access_token");

    /// <summary>Equal JSON, except that a data list is compared as a set of ids (order is not part of the contract).</summary>
    private static bool SameContent(JsonNode? a, JsonNode? b)
    {
        if (a?["data"] is JsonArray listA && b?["data"] is JsonArray listB)
            return IdsOf(listA).SetEquals(IdsOf(listB)) && listA.Count == listB.Count;
        return JsonNode.DeepEquals(a, b);
    }

    private static HashSet<string> IdsOf(JsonArray list) =>
        list.Select(item => item?["id"]?.ToString() ?? item?.ToJsonString() ?? "").ToHashSet(StringComparer.Ordinal);
}
