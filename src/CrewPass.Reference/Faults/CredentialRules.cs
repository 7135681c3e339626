namespace CrewPass.Reference;

/// <summary>How the reference reads and matches the one credential of a request. The defaults are the page's.</summary>
public sealed record CredentialRules
{
    /// <summary>Authorization is not read on the read the faults sit on (only X-Partner-API-Key works there).</summary>
    public bool BearerIgnoredOnFaultPath { get; init; }

    public StringComparison SchemeComparison { get; init; } = StringComparison.OrdinalIgnoreCase;
    public bool AcceptsBasic { get; init; }
    public bool ReadsApiKeyHeader { get; init; } = true;

    /// <summary>Over HTTP/1.1 X-Partner-API-Key is found only when spelt exactly so.</summary>
    public bool ApiKeyHeaderCaseSensitiveOverHttp11 { get; init; }

    /// <summary>Names under which a key in the query string or a cookie is taken (none: the page's rule).</summary>
    public bool KeyFromQuery { get; init; }
    public bool KeyFromCookie { get; init; }

    public bool CrashesOnQueryKey { get; init; }
    public bool CrashesOnEmptyBearer { get; init; }

    /// <summary>Keys longer than this crash the key cache; null: any length is looked up.</summary>
    public int? CrashesAboveLength { get; init; }

    /// <summary>An unknown well-shaped key crashes the key store and leaks its exception text.</summary>
    public bool UnknownKeyCrashesStore { get; init; }

    public KeyMatch Match { get; init; } = KeyMatch.Exact;
    public bool RevokedAccepted { get; init; }
    public WidgetKeys Widgets { get; init; } = WidgetKeys.Refused;

    /// <summary>/partners/me takes any unknown key of the right shape as the live key.</summary>
    public bool MeAcceptsAnyWellShapedKey { get; init; }
}
