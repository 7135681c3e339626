namespace CrewPass.Reference;

/// <summary>
/// Choices the page leaves open and a conforming deployment may make otherwise than the reference does by default.
/// Each is off by default; the legal-variation matrix runs the suites against every one and requires no failure,
/// so a check that fails an honest deployment for a legal choice is caught like a missed fault.
/// </summary>
public enum LegalChoice
{
    [Choice("Retry-After as an HTTP-date (RFC 9110 §10.2.3) instead of delay-seconds")]
    RetryAfterAsDate,

    [Choice("X-RateLimit-Reset as an epoch second instead of seconds until the reset")]
    ResetAsEpochSecond,

    [Choice("a front proxy with nginx's 8 KiB header limit answers 431 before the API sees the request")]
    HeaderLimit8K,

    [Choice("hourly rate-limit windows: a spent budget's Retry-After is up to an hour")]
    HourlyWindow,

    [Choice("errors as {\"code\", \"message\"} at the top level, declared by the profile's ErrorSchema and ErrorCodePointer")]
    FlatErrors,

    [Choice("an HTTP/1.1 front end 100 ms away that closes every connection (Connection: close)")]
    ClosedConnectionsWithLatency,
}
