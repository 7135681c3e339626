namespace CrewPass.Reference;

/// <summary>
/// The closed set of defects the reference deployment can be switched into, one instance at a time.
/// Each names the clauses whose checks must catch it; the fault matrix in tests/ holds it to that.
/// </summary>
public enum Fault
{
    [Fault("Bearer is ignored on the vessel list; only X-Partner-API-Key works there", "AUTH-02", OnAnyRead = true)]
    BearerIgnoredOnVesselList,

    [Fault("X-Partner-API-Key is not read at all", "AUTH-03", OnAnyRead = true)]
    ApiKeyHeaderIgnored,

    [Fault("over HTTP/1.1 a front proxy passes X-Partner-API-Key on only when spelt exactly so (its allow-list is case-sensitive); HTTP/2 reaches the API directly", "AUTH-03", OnAnyRead = true)]
    ApiKeyHeaderCaseSensitiveOverHttp11,

    [Fault("X-Partner-API-Key on the vessel list is served the test-mode view", "AUTH-03", OnAnyRead = true)]
    ApiKeyHeaderServesTestView,

    [Fault("the scheme name must be spelled exactly 'Bearer'", "AUTH-04", OnAnyRead = true)]
    CaseSensitiveBearerScheme,

    [Fault("reads must send Accept: application/json; the page's curl (Accept: */*) gets 406", "AUTH-05", OnAnyRead = true)]
    AcceptJsonRequired,

    [Fault("reads that carry X-CrewPass-* signature headers are answered 400", "AUTH-06", OnAnyRead = true)]
    SignatureHeadersRejectedOnReads,

    [Fault("a proxy redirects the vessel list to a cleartext http:// URL", "AUTH-02", "AUTH-07", OnAnyRead = true)]
    RedirectsToCleartext,

    [Fault("a key in the api_key or access_token query parameter is accepted", "AUTH-08", OnAnyRead = true)]
    KeyAcceptedFromQueryString,

    [Fault("a key in the api_key or access_token cookie is accepted", "AUTH-08", OnAnyRead = true)]
    KeyAcceptedFromCookie,

    [Fault("a key in the query string crashes the key reader: 500 instead of a refusal", "AUTH-08", OnAnyRead = true)]
    QueryKeyCrashesServer,

    [Fault("keys are compared by prefix, so a genuine key with extra characters passes", "KEY-01", OnAnyRead = true)]
    KeyComparedByPrefix,

    [Fault("keys are compared case-insensitively", "KEY-01", OnAnyRead = true)]
    KeyComparedCaseInsensitively,

    [Fault("a revoked key is still accepted", "KEY-01", OnAnyRead = true)]
    RevokedKeyAccepted,

    [Fault("an 8 KiB key makes the server answer 500", "KEY-01", OnAnyRead = true)]
    ServerErrorOnLongKey,

    [Fault("an empty Bearer token makes the server answer 500", "KEY-01", OnAnyRead = true)]
    ServerErrorOnEmptyBearer,

    [Fault("the key is also accepted under the Basic scheme", "KEY-01", OnAnyRead = true)]
    BasicSchemeAccepted,

    [Fault("/partners/me accepts any well-shaped unknown key", "KEY-01")]
    MeAcceptsAnyWellShapedKey,

    [Fault("invalid keys are answered 403 instead of 401", "KEY-02", OnAnyRead = true)]
    ForbiddenForInvalidKey,

    [Fault("invalid keys get the code 'unauthorized' instead of invalid_api_key", "AUTH-01", "KEY-01", "KEY-02", "KEY-05", OnAnyRead = true)]
    WrongInvalidKeyCode,

    [Fault("a revoked key is refused 403 (with code invalid_api_key) instead of InvalidKeyStatus", "KEY-02", OnAnyRead = true)]
    RevokedKeyRefusedWith403,

    [Fault("widget-key refusals carry no WWW-Authenticate header", "KEY-03", OnAnyRead = true)]
    WidgetRefusalWithoutChallenge,

    [Fault("an unknown key crashes the key store: 500 with the exception text ('KeyStore.TransportException: …') in the body", "KEY-01", "HTTP-01", OnAnyRead = true)]
    KeyStoreCrashLeaksExceptionText,

    [Fault("the 401 carries no WWW-Authenticate header", "KEY-03", OnAnyRead = true)]
    MissingWwwAuthenticate,

    [Fault("the presented key is echoed in the error message", "KEY-04", OnAnyRead = true)]
    KeyEchoedInError,

    [Fault("every served answer carries the caller's key in an X-Debug-Credential header", "KEY-04", OnAnyRead = true)]
    KeyEchoedInDebugHeader,

    [Fault("a genuine widget key is accepted through X-Partner-API-Key", "KEY-05", OnAnyRead = true)]
    WidgetKeyAcceptedViaApiKeyHeader,

    [Fault("any cppk_ widget key is accepted as a live key", "KEY-02", "KEY-05", OnAnyRead = true)]
    WidgetKeysAccepted,

    [Fault("the test key reports a partner id of its own", "KEY-06")]
    TestKeyHasOwnPartnerId,

    [Fault("the scope list is sent as one comma-separated string", "ME-01", "HTTP-01")]
    ScopesAsCommaSeparatedString,

    [Fault("/partners/me refuses keys without vessels:read", "ME-01", "ME-03")]
    MeRequiresVesselsScope,

    [Fault("the mode is reported the wrong way round: 'test' for a live key, 'live' for a test key", "ME-02")]
    ModeSwapped,

    [Fault("the scope is checked only for Bearer: the restricted key is served the vessel list through X-Partner-API-Key", "ME-03", OnAnyRead = true)]
    ScopeCheckedOnlyForBearer,

    [Fault("the restricted key is still served the vessel list", "ME-03", OnAnyRead = true)]
    RestrictedKeyServedVessels,

    [Fault("a missing scope is answered 401 invalid_api_key", "ME-03", OnAnyRead = true)]
    InsufficientScopeAsInvalidKey,

    [Fault("vessels:read is left out of the scope list although it is granted", "ME-03")]
    ScopeListIncomplete,

    [Fault("the test key sees one live vessel", "DATA-01", "DATA-02", OnAnyRead = true)]
    TestKeySeesOneLiveVessel,

    [Fault("vessels are sent without livemode", "DATA-01", "HTTP-01", OnAnyRead = true)]
    VesselWithoutLivemode,

    [Fault("test vessels reuse the ids of live vessels", "DATA-02", "SIG-02", OnAnyRead = true)]
    TestViewReusesLiveIds,

    [Fault("another partner's vessel leaks into the list", "DATA-03", OnAnyRead = true)]
    OtherPartnersVesselLeaks,

    [Fault("a vessel-attach request is served while the write surface is disabled", "WRITE-01")]
    WriteServedWhileDisabled,

    [Fault("the write surface was left on, with working signature verification, in a release that ships it disabled", "WRITE-01")]
    WriteSurfaceLeftOnWhileDisabled,

    [Fault("DELETE on the vessel list answers 204", "WRITE-02", OnAnyRead = true)]
    DeleteAcceptedOnReadPath,

    [Fault("read routes take every method (Map instead of MapGet): POST, PUT, PATCH and DELETE on a read path are served as a GET", "WRITE-02")]
    MutatingMethodsServedAsGet,

    [Fault("the vessel list carries no rate-limit headers", "RATE-01", OnAnyRead = true)]
    RateLimitHeadersMissingOnVesselList,

    [Fault("insufficient_scope refusals skip the rate-limit middleware: the 403 carries no rate-limit headers", "RATE-01", OnAnyRead = true)]
    NoRateLimitHeadersOnScopeRefusal,

    [Fault("a plan missing from the limits table (the other partner's) gets no budget: every call is answered 429", "RATE-04")]
    UnlistedPlanAlwaysThrottled,

    [Fault("the 429 body lacks the error message", "HTTP-01")]
    ThrottledBodyWithoutMessage,

    [Fault("the reset is written in milliseconds", "RATE-01", OnAnyRead = true)]
    ResetInMilliseconds,

    [Fault("remaining never goes down", "RATE-02", "RATE-05", "RATE-06")]
    RemainingNeverDecreases,

    [Fault("Bearer and X-Partner-API-Key each get a budget of their own (a bypass)", "RATE-03")]
    SeparateBudgetPerHeaderForm,

    [Fault("the live and the test key each get a budget of their own", "RATE-03")]
    SeparateBudgetPerKeyMode,

    [Fault("all partners share one budget", "RATE-04")]
    GlobalBudgetAcrossPartners,

    [Fault("the 429 carries no Retry-After", "RATE-05")]
    NoRetryAfterOn429,

    [Fault("Retry-After points 30 s past the reset", "RATE-05")]
    RetryAfterPastReset,

    [Fault("a spent budget stays blocked 3 s past the reset that Retry-After names", "RATE-05")]
    BlockedPastRetryAfter,

    [Fault("the 429 says too_many_requests instead of rate_limited", "RATE-05")]
    RateLimitedWrongCode,

    [Fault("remaining is reported one too high, so a 429 arrives while the last answer said 1 left", "RATE-05", "RATE-06")]
    RemainingOffByOne,

    [Fault("the 429 carries no rate-limit headers", "RATE-06")]
    NoRateLimitHeadersOn429,

    [Fault("the verifier signs \"{nonce}.{timestamp}.\" instead of the page's order, so genuine signatures fail", "SIG-02")]
    MessageFieldsSwapped,

    [Fault("the signature headers are looked up by their exact names, in the page's spelling or in lower case: another letter case is missing", "SIG-02")]
    SignatureHeaderNamesTwoSpellingsOnly,

    [Fault("the nonce header is optional", "SIG-03")]
    NonceHeaderOptional,

    [Fault("the timestamp header is optional: a missing or empty one is signed over as empty and never checked for age", "SIG-03", "SIG-06")]
    TimestampHeaderOptional,

    [Fault("a request without X-CrewPass-Signature skips verification (an unsigned pass-through)", "SIG-03")]
    UnsignedRequestsPassThrough,

    [Fault("the signature's form, the window and the nonce are checked, but its value is never compared (a stub left in): a wrong signature or a changed body passes", "SIG-04", "SIG-05")]
    SignatureValueNotCompared,

    [Fault("the timestamp is parsed leniently: a sign and a fraction are dropped, and a value that is no number counts as the server's clock", "SIG-06")]
    LenientTimestampParsing,

    [Fault("the signature covers the body alone: timestamp and nonce are not bound, and the page's signatures fail", "SIG-02", "SIG-04")]
    TimestampAndNonceNotBound,

    [Fault("another partner's signing secret is accepted", "SIG-04")]
    OtherPartnersSecretAccepted,

    [Fault("only the first 32 hex digits of the signature are compared", "SIG-04", "SIG-08")]
    OnlyFirst32HexCompared,

    [Fault("the verifier re-serialises the JSON body instead of hashing the raw bytes", "SIG-05")]
    VerifierReserializesJson,

    [Fault("future timestamps are not bounded", "SIG-06")]
    FutureTimestampsUnbounded,

    [Fault("the timestamp window is ±60 s, not ±300 s", "SIG-06")]
    SixtySecondWindow,

    [Fault("the timestamp window is ±600 s", "SIG-06")]
    SixHundredSecondWindow,

    [Fault("a timestamp in milliseconds is accepted", "SIG-06")]
    MillisecondsAccepted,

    [Fault("a byte-identical replay is taken for an idempotent retry and served again; only a reuse with another signature is refused", "SIG-07")]
    IdenticalReplayServedAsRetry,

    [Fault("the nonce store is keyed by nonce and timestamp, so a nonce can be reused with another timestamp", "SIG-07")]
    NonceKeyedWithTimestamp,

    [Fault("the nonce store is keyed by nonce and body, so a nonce can be reused with another body", "SIG-07")]
    NonceKeyedWithBody,

    [Fault("nonces are forgotten once their timestamp is 60 s old, while the window still accepts it for 300 s", "SIG-07")]
    NoncesForgottenAfter60Seconds,

    [Fault("signature refusals lack the error message", "HTTP-01")]
    SignatureRefusalWithoutMessage,

    [Fault("created objects (vessel, placement, background check) are answered without livemode", "HTTP-01")]
    CreatedAnswerWithoutLivemode,

    [Fault("the nonce is checked, then stored, not atomically, so concurrent replays pass", "SIG-07")]
    NonAtomicNonceCheck,

    [Fault("the v1= prefix is ignored (v2= and bare hex pass)", "SIG-08")]
    V1PrefixIgnored,

    [Fault("CORS answers any origin with * and allows the Authorization and X-Partner-API-Key headers", "WEB-01", OnAnyRead = true)]
    CorsWildcardAllowsKeyHeaders,

    [Fault("CORS reflects the caller's origin, with credentials and the key headers allowed", "WEB-01", OnAnyRead = true)]
    CorsReflectsOriginWithCredentials,

    [Fault("CORS allows the origin 'null' (sandboxed frames, file:// pages) with credentials and the key headers, taking it for a local tool", "WEB-01", OnAnyRead = true)]
    CorsAllowsNullOrigin,

    [Fault("error bodies are sent as text/plain", "HTTP-01", OnAnyRead = true)]
    ErrorBodyAsTextPlain,

    [Fault("responses are marked Cache-Control: public", "HTTP-02", OnAnyRead = true)]
    PublicCacheHeader,
}
