namespace CrewPass.Reference;

/// <summary>
/// Reads the one credential of a request (Authorization: Bearer, else X-Partner-API-Key), finds the key,
/// and refuses anything else with invalid_api_key. Widget keys (cppk_) and revoked keys are refused here.
/// </summary>
public static class KeyAuthentication
{
    private const string CallerItem = "crewpass.caller";

    /// <summary>The names a key travels under in a URL or a cookie when a deployment wrongly takes it there (RFC 6750 §2.3's and the common one).</summary>
    private static readonly string[] KeyParameters = ["api_key", "access_token"];

    public static Caller CallerOf(HttpContext context) => (Caller)context.Items[CallerItem]!;

    /// <summary>The caller, once the key was accepted; null before or on a refusal.</summary>
    public static Caller? AuthenticatedCaller(HttpContext context) => context.Items.TryGetValue(CallerItem, out var caller) ? caller as Caller : null;

    public static IApplicationBuilder UseKeyAuthentication(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var options = context.OptionsOf();
        var directory = context.RequestServices.GetRequiredService<PartnerDirectory>();
        var rules = options.Behaviour.Credentials;
        var presented = ReadCredential(context, rules, options.ReadFaultPath);
        if (presented is not null && directory.Find(presented) is null && rules.UnknownKeyCrashesStore
            && System.Text.RegularExpressions.Regex.IsMatch(presented, "^cpk_(live|test)_[A-Za-z0-9]{24}$"))
        {
            await Results.Text("CrewPass.KeyStore.TransportException: the key cache did not answer in time", "text/plain", statusCode: 500).ExecuteAsync(context);
            return;
        }
        var credential = presented is null ? null : Lookup(directory, presented, context, rules);
        if (credential is null || !Usable(credential, context, rules))
        {
            await ApiErrors.InvalidApiKey(context, presented, credential).ExecuteAsync(context);
            return;
        }
        context.Items[CallerItem] = new Caller(credential.Partner, credential.Mode, credential.Key);
        await next(context);
    });

    private static readonly CredentialRules Faithful = new ReferenceOptions().Behaviour.Credentials;

    /// <summary>
    /// The key a request presents, read as the faithful reference reads it (Bearer, else X-Partner-API-Key): what the
    /// certification service's shared sandbox routes a request on, before any scenario sees it.
    /// </summary>
    public static string? PresentedKey(HttpContext context) => ReadCredential(context, Faithful, PathString.Empty);

    private static string? ReadCredential(HttpContext context, CredentialRules rules, PathString faultPath)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization;
        if (authorization.Count > 1) return "";
        if (authorization.Count == 1 && !(rules.BearerIgnoredOnFaultPath && request.Path.StartsWithSegments(faultPath)))
        {
            var value = authorization[0] ?? "";
            var space = value.IndexOf(' ');
            var scheme = space < 0 ? value : value[..space];
            var token = space < 0 ? "" : value[(space + 1)..].Trim(' ');
            if (token.Length == 0 && rules.CrashesOnEmptyBearer) throw new InvalidOperationException("empty bearer token");
            if (scheme.Equals("Bearer", rules.SchemeComparison)) return token;
            if (rules.AcceptsBasic && scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)) return DecodeBasicUser(token);
            return value;
        }
        if (rules.ReadsApiKeyHeader && ApiKeyHeader(request, rules) is { } apiKey)
            return apiKey.Count == 1 ? apiKey[0] ?? "" : "";
        if (rules.CrashesOnQueryKey && KeyParameters.Any(request.Query.ContainsKey)) throw new InvalidOperationException("query key reader");
        if (rules.KeyFromQuery && KeyParameters.FirstOrDefault(request.Query.ContainsKey) is { } inQuery) return request.Query[inQuery].ToString();
        if (rules.KeyFromCookie && KeyParameters.FirstOrDefault(request.Cookies.ContainsKey) is { } inCookie) return request.Cookies[inCookie];
        return null;
    }

    private static Microsoft.Extensions.Primitives.StringValues? ApiKeyHeader(HttpRequest request, CredentialRules rules)
    {
        if (!(rules.ApiKeyHeaderCaseSensitiveOverHttp11 && HttpProtocol.IsHttp11(request.Protocol)))
            return request.Headers.TryGetValue("X-Partner-API-Key", out var value) ? value : (Microsoft.Extensions.Primitives.StringValues?)null;
        var name = request.Headers.Keys.FirstOrDefault(k => k == "X-Partner-API-Key");
        return name is null ? null : (Microsoft.Extensions.Primitives.StringValues?)request.Headers[name];
    }

    private static Credential? Lookup(PartnerDirectory directory, string presented, HttpContext context, CredentialRules rules)
    {
        if (presented.Length > rules.CrashesAboveLength) throw new InvalidOperationException("key too long for the key cache");
        return directory.Find(presented) ?? LookupLeniently(directory, presented, context, rules);
    }

    /// <summary>A found credential that is still refused: a revoked key, a widget key.</summary>
    private static bool Usable(Credential credential, HttpContext context, CredentialRules rules) =>
        (!credential.Revoked || rules.RevokedAccepted)
        && (credential.Kind != CredentialKind.WidgetKey || rules.Widgets == WidgetKeys.AcceptedAsLive
            || (rules.Widgets == WidgetKeys.AcceptedViaApiKeyHeader && context.Request.Headers.ContainsKey("X-Partner-API-Key")));

    /// <summary>An unknown key the rules still take: the faithful reference takes none.</summary>
    private static Credential? LookupLeniently(PartnerDirectory directory, string presented, HttpContext context, CredentialRules rules)
    {
        var all = directory.AllCredentials.ToArray();
        if (rules.Match == KeyMatch.Prefix)
            return all.FirstOrDefault(c => presented.StartsWith(c.Key, StringComparison.Ordinal));
        if (rules.Match == KeyMatch.CaseInsensitive)
            return all.FirstOrDefault(c => string.Equals(c.Key, presented, StringComparison.OrdinalIgnoreCase));
        if (rules.Widgets == WidgetKeys.AcceptedAsLive && presented.StartsWith("cppk_", StringComparison.Ordinal))
            return all.First(c => c.Kind == CredentialKind.ApiKey && c.Mode == KeyMode.Live);
        if (rules.MeAcceptsAnyWellShapedKey && context.Request.Path.StartsWithSegments("/api/v2/partners/me")
            && System.Text.RegularExpressions.Regex.IsMatch(presented, "^cpk_(live|test)_[A-Za-z0-9]{24}$"))
            return all.First(c => c.Kind == CredentialKind.ApiKey && c.Mode == KeyMode.Live);
        return null;
    }

    private static string DecodeBasicUser(string token)
    {
        try
        {
            var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return decoded.Split(':')[0];
        }
        catch (FormatException)
        {
            return token;
        }
    }
}
