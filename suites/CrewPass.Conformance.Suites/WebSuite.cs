using CrewPass.Conformance.Browser;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites;

/// <summary>
/// WEB: "Keep your API key server-side. Never embed it in a browser or mobile app." The API grants no cross-origin
/// access to requests that carry a key: real Chromium, on a page of another origin, is blocked by CORS.
/// </summary>
public sealed class WebSuite(string target) : ConformanceSuite(target)
{
    /// <summary>A page on another origin that calls fetch() with the key is blocked by the browser.</summary>
    [Clause("WEB-01")]
    [TestCaseSource(nameof(EndpointsAndHeaders))]
    public async Task WEB_01_A_page_on_another_origin_cannot_call_with_a_key(Endpoint endpoint, string header)
    {
        var chromium = Chromium.Find(Settings.Chromium);
        if (chromium is null) throw new NeedsSetting("Chromium", Chromium.InstallHint);
        var session = await BrowserSession.StartAsync(chromium!, Run.Current.Targets);
        var outcome = await session.CallAsync(Target, endpoint.Path, header);
        if (outcome.StartsWith("unreachable", StringComparison.Ordinal))
            // No answer even without the key: a broken connection, not a verdict on CORS.
            throw new TransportException(TransportFailure.Unreachable, $"GET {endpoint.Path} from Chromium",
                $"Chromium could not reach {Client.BaseUrl} at all ({outcome}), so the check cannot tell a CORS block from a broken " +
                "connection; check CaCertificate and that the target is reachable from this machine");
        Expect(outcome.StartsWith("blocked", StringComparison.Ordinal),
            $"Chromium to block a fetch() from {session.Origin} with {header} (CORS)", $"the page read the answer: {outcome}");
    }

    /// <summary>The preflight a browser sends first does not allow the key headers for an arbitrary origin.</summary>
    [Clause("WEB-01")]
    [TestCaseSource(nameof(EndpointsHeadersAndOrigins))]
    public async Task WEB_01_A_preflight_does_not_allow_the_key_headers_for_another_origin(Endpoint endpoint, string header, string origin)
    {
        var answer = await Client.SendAsync(new ApiRequest("OPTIONS", endpoint.Path)
            .WithHeader(HeaderNames.Origin, origin)
            .WithHeader(HeaderNames.AccessControlRequestMethod, "GET")
            .WithHeader(HeaderNames.AccessControlRequestHeaders, header.ToLowerInvariant()));
        var allowOrigin = answer.Header(HeaderNames.AccessControlAllowOrigin);
        var allowHeaders = (answer.Header(HeaderNames.AccessControlAllowHeaders) ?? "").Split(',').Select(h => h.Trim()).ToArray();
        var allowed = answer.IsSuccess && (allowOrigin == "*" || allowOrigin == origin)
                      && allowHeaders.Any(h => h == "*" || h.Equals(header, StringComparison.OrdinalIgnoreCase));
        Expect(!allowed, $"no preflight permission for {header} from {origin}",
            $"Access-Control-Allow-Origin: {allowOrigin}; Access-Control-Allow-Headers: {string.Join(", ", allowHeaders)}", answer);
    }

    public static IEnumerable<TestCaseData> EndpointsAndHeaders() => Cases.EachEndpointWith(Cases.Endpoints, BrowserSession.KeyHeaders);

    /// <summary>An https origin, and "null", which sandboxed frames, file:// pages and data: URLs really send.</summary>
    private static readonly string[] Origins = ["https://partner-widget.example", "null"];

    public static IEnumerable<TestCaseData> EndpointsHeadersAndOrigins() =>
        from endpoint in Cases.Endpoints
        from header in BrowserSession.KeyHeaders
        from origin in Origins
        select new TestCaseData(endpoint, header, origin).SetArgDisplayNames(endpoint.ToString(), header, origin);
}
