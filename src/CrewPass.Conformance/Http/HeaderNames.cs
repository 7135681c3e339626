namespace CrewPass.Conformance.Http;

/// <summary>Every header name the contract and the harness use, spelled once as the page spells it.</summary>
public static class HeaderNames
{
    public const string Authorization = "Authorization";
    public const string PartnerApiKey = "X-Partner-API-Key";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string RetryAfter = "Retry-After";
    public const string Date = "Date";
    public const string ContentType = "Content-Type";
    public const string Cookie = "Cookie";
    public const string Location = "Location";
    public const string Origin = "Origin";
    public const string AccessControlRequestMethod = "Access-Control-Request-Method";
    public const string AccessControlRequestHeaders = "Access-Control-Request-Headers";
    public const string AccessControlAllowOrigin = "Access-Control-Allow-Origin";
    public const string AccessControlAllowHeaders = "Access-Control-Allow-Headers";
    public const string XRateLimitLimit = "X-RateLimit-Limit";
    public const string XRateLimitRemaining = "X-RateLimit-Remaining";
    public const string RateLimit = "RateLimit";
    public const string RateLimitPolicy = "RateLimit-Policy";
    public const string RateLimitLimit = "RateLimit-Limit";
    public const string RateLimitRemaining = "RateLimit-Remaining";
    public const string Timestamp = "X-CrewPass-Timestamp";
    public const string Nonce = "X-CrewPass-Nonce";
    public const string Signature = "X-CrewPass-Signature";
    public const string Reference = "X-CrewPass-Reference";

    /// <summary>What every CrewPass header name starts with.</summary>
    public const string CrewPassPrefix = "X-CrewPass-";
}
