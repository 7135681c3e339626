namespace CrewPass.Conformance.Clauses;

/// <summary>Every clause of ../shared/contract/CONTRACT.md, in its order: the one source for ids, levels and wording.</summary>
public static class ClauseCatalogue
{

    public static IReadOnlyList<Clause> All { get; } =
    [
        new("AUTH-01", "AUTH", ClauseLevel.Must, "Every catalogued endpoint requires a key: a request with none gets the invalid_api_key error. (\"A missing or invalid key returns invalid_api_key.\")"),
        new("AUTH-02", "AUTH", ClauseLevel.Must, "Authorization: Bearer <key> is accepted on every catalogued endpoint."),
        new("AUTH-03", "AUTH", ClauseLevel.Must, "X-Partner-API-Key: <key> is accepted on every catalogued endpoint, and gives the same status, identity and data as the Bearer form for the same key."),
        new("AUTH-04", "AUTH", ClauseLevel.Should, "The scheme name is case-insensitive (RFC 9110 §11.1): bearer and BEARER work too."),
        new("AUTH-05", "AUTH", ClauseLevel.Must, "A read needs the key and nothing else. (\"Every v1 read takes the same Bearer header and nothing else.\")"),
        new("AUTH-06", "AUTH", ClauseLevel.Should, "A read that also carries X-CrewPass-* signature headers is still served: signatures are not part of v1 reads."),
        new("AUTH-07", "AUTH", ClauseLevel.Must, "Keys travel over TLS: a non-loopback target must be https; the harness refuses to send a key over cleartext to a non-loopback host."),
        new("AUTH-08", "AUTH", ClauseLevel.Should, "A key in the query string (?api_key=, ?access_token=) or a cookie is not accepted (RFC 6750 §2.3)."),
        new("KEY-01", "KEY", ClauseLevel.Must, "Every invalid credential gets invalid_api_key: never a 2xx, never a 5xx (an HTTP-layer 400 or 431 only for illegal header values and header lines that reach LongKeyBytes; such an answer is exempt from KEY-02 and HTTP-01)."),
        new("KEY-02", "KEY", ClauseLevel.Must, "The invalid_api_key response: status InvalidKeyStatus (401), JSON body matching the error schema (ErrorSchema), code at ErrorCodePointer equal to invalid_api_key; for every refusal of AUTH-01, KEY-01 and KEY-05."),
        new("KEY-03", "KEY", ClauseLevel.Should, "A 401 carries WWW-Authenticate with the Bearer scheme (RFC 6750 §3, RFC 9110 §11.6.1), on every refusal."),
        new("KEY-04", "KEY", ClauseLevel.Should, "No response, success or error, echoes a presented key in its headers or body."),
        new("KEY-05", "KEY", ClauseLevel.Must, "Public widget keys are refused with invalid_api_key in both header forms. (\"Public read-only widget keys (cppk_*) … are not accepted here.\")"),
        new("KEY-06", "KEY", ClauseLevel.Must, "The live and test keys of one partner identify the same partner (same partner id from /partners/me)."),
        new("ME-01", "ME", ClauseLevel.Must, "With a valid key: 200, body matches partner.schema.json; /partners/me needs no scope: every valid key may call it."),
        new("ME-02", "ME", ClauseLevel.Must, "The mode matches the key: live for cpk_live_, test for cpk_test_."),
        new("ME-03", "ME", ClauseLevel.Must, "The scope list is the whole grant: an endpoint whose scope is listed is served; one whose scope is missing is refused with InsufficientScopeStatus (403) and insufficient_scope; every key, both header forms (needs a RestrictedKey that lacks a scope)."),
        new("DATA-01", "DATA", ClauseLevel.Must, "Every object returned to a live key is live (livemode: true); to a test key, test (livemode: false). Every vessel carries livemode."),
        new("DATA-02", "DATA", ClauseLevel.Must, "The live view and the test view of one partner share no object id."),
        new("DATA-03", "DATA", ClauseLevel.Must, "Another partner's key never sees this partner's objects."),
        new("RATE-01", "RATE", ClauseLevel.Must, "Every response to a catalogued GET with a valid key (every key of the run, both header forms) carries rate-limit headers in one recognised convention."),
        new("RATE-02", "RATE", ClauseLevel.Must, "For sequential requests of one partner inside a window, remaining goes down by one per request."),
        new("RATE-03", "RATE", ClauseLevel.Must, "The budget is per partner: the live key, the test key and both header forms draw on one budget."),
        new("RATE-04", "RATE", ClauseLevel.Must, "Another partner's requests do not draw on this partner's budget; they must themselves be served, or they prove nothing."),
        new("RATE-05", "RATE", ClauseLevel.Must, "Exhaustion: once remaining is 0, the next request gets 429 with rate_limited and Retry-After (delay-seconds or an HTTP-date), and service resumes after it (within MaxRecoveryWait, else that part is a skip naming it)."),
        new("RATE-06", "RATE", ClauseLevel.Should, "The 429 response still carries the rate-limit headers, with remaining 0."),
        new("WRITE-01", "WRITE", ClauseLevel.Must, "While the write surface is disabled, the documented mutating operations are not served, signed or not: no 2xx, and the vessel list is unchanged afterwards."),
        new("WRITE-02", "WRITE", ClauseLevel.Must, "Every catalogued read path refuses POST, PUT, PATCH and DELETE with 405 or 404, never a 2xx."),
        new("SIG-01", "SIG", ClauseLevel.Must, "The harness's own signer reproduces the page's algorithm on the published vectors."),
        new("SIG-02", "SIG", ClauseLevel.Must, "Enabled: a request signed as the page shows is accepted."),
        new("SIG-03", "SIG", ClauseLevel.Must, "Enabled: a request missing any of the three headers is rejected and has no effect."),
        new("SIG-04", "SIG", ClauseLevel.Must, "Enabled: a wrong signature is rejected."),
        new("SIG-05", "SIG", ClauseLevel.Must, "Enabled: the signature covers the raw body bytes."),
        new("SIG-06", "SIG", ClauseLevel.Must, "Enabled: timestamps within ±300 s of server time (inclusive) are accepted, outside rejected."),
        new("SIG-07", "SIG", ClauseLevel.Must, "Enabled: a nonce is single-use for its partner."),
        new("SIG-08", "SIG", ClauseLevel.Must, "Enabled: the value must be v1= and 64 hex digits."),
        new("WEB-01", "WEB", ClauseLevel.Should, "\"Never embed it in a browser\": the API grants no cross-origin access to requests that carry a key."),
        new("HTTP-01", "HTTP", ClauseLevel.Must, "Success and error bodies are application/json and match their schemas, every JSON answer of the run (403, 429, signature refusals and 201s too); unknown extra fields are allowed."),
        new("HTTP-02", "HTTP", ClauseLevel.Should, "Responses to requests that carry a key are not cacheable by shared caches (Cache-Control: no-store or private)."),
        new("CLIENT-01", "CLIENT", ClauseLevel.Must, "Every request carries the key exactly as issued in Authorization: Bearer <key> or X-Partner-API-Key: <key>."),
        new("CLIENT-02", "CLIENT", ClauseLevel.Should, "The Bearer form is used (\"preferred\")."),
        new("CLIENT-03", "CLIENT", ClauseLevel.Must, "The key never travels in a URL (query or path) or a cookie, and never in a request body."),
        new("CLIENT-04", "CLIENT", ClauseLevel.Must, "The client verifies the server's certificate: in untrusted-certificate no request reaches the sandbox, and the client exits non-zero."),
        new("CLIENT-05", "CLIENT", ClauseLevel.Must, "Retry-After is honoured in both forms: after a 429, no request of the partner arrives before the time it names."),
        new("CLIENT-06", "CLIENT", ClauseLevel.Should, "A refused key is not hammered: at most 3 requests after the first refusal, and the client exits non-zero."),
        new("CLIENT-07", "CLIENT", ClauseLevel.Must, "The client is a tolerant reader: in extra-fields it exits 0 and makes the same calls as in plain."),
        new("CLIENT-08", "CLIENT", ClauseLevel.Must, "Every write is signed as the page shows, over the exact body bytes that arrived, with Content-Type: application/json.") { JudgesWrites = true },
        new("CLIENT-09", "CLIENT", ClauseLevel.Must, "The timestamp is Unix time in whole seconds and within ±300 s of the sandbox's clock when the request arrives.") { JudgesWrites = true },
        new("CLIENT-10", "CLIENT", ClauseLevel.Must, "Every nonce is new: no nonce repeats within the run, and a retried write carries a new nonce and a new signature.") { JudgesWrites = true },
        new("CLIENT-11", "CLIENT", ClauseLevel.Should, "Reads carry no X-CrewPass-* signature headers and no body."),
    ];

    private static readonly Dictionary<string, Clause> ById = All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static Clause Get(string id) =>
        ById.TryGetValue(id, out var clause) ? clause : throw new ArgumentException($"'{id}' is not a clause of CONTRACT.md", nameof(id));

    public static bool Exists(string id) => ById.ContainsKey(id);

    /// <summary>The area of CONTRACT.md a clause sits under, in reading order.</summary>
    public static IReadOnlyList<string> Areas { get; } = All.Select(c => c.Area).Distinct().ToArray();
}
