namespace CrewPass.Reference;

/// <summary>What every API response carries, and the request-level rules that sit in front of the resources.</summary>
public static class ResponsePolicy
{
    /// <summary>The header every answer of the reference carries, with its version: the harness never certifies what sends it.</summary>
    public const string IdentityHeader = "X-CrewPass-Reference";

    private static readonly string Version = typeof(ResponsePolicy).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";

    /// <summary>Injects the instance's network trouble before anything else runs, so a reset request never reached the API.</summary>
    public static IApplicationBuilder UseNetworkTrouble(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var options = context.OptionsOf();
        var trouble = options.Makes(LegalChoice.ClosedConnectionsWithLatency) ? options.Trouble with { Latency = TimeSpan.FromMilliseconds(100) } : options.Trouble;
        if (options.Makes(LegalChoice.ClosedConnectionsWithLatency)) context.Response.Headers.Connection = "close";
        if (trouble.Any)
        {
            if (Random.Shared.NextDouble() < trouble.ResetShare)
            {
                context.Abort();
                return;
            }
            await Task.Delay(trouble.Latency + (Random.Shared.NextDouble() < trouble.SlowShare ? trouble.SlowBy : TimeSpan.Zero));
        }
        await next(context);
    });

    public static IApplicationBuilder UseResponsePolicy(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var options = context.OptionsOf();
        var rules = options.Behaviour.Responses;
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        context.Response.OnStarting(() =>
        {
            // Date tells clients the server's own time, which signers need when the clock is off.
            context.Response.Headers.Date = clock.GetUtcNow().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            if (options.IdentifiesItself) context.Response.Headers[IdentityHeader] = Version;
            // Keyed responses must never land in a shared cache.
            context.Response.Headers.CacheControl = rules.CacheControl;
            if (rules.EchoesKeyInHeader && KeyAuthentication.AuthenticatedCaller(context) is { } caller) context.Response.Headers["X-Debug-Credential"] = caller.Key;
            return Task.CompletedTask;
        });
        if (rules.MutatingMethodsServedAsGet && IsReadPath(context.Request.Path) && !HttpMethods.IsGet(context.Request.Method)
            && !HttpMethods.IsOptions(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            context.Request.Method = HttpMethods.Get;
        if (CrossOrigin(context, rules.Cors) is { } preflight)
        {
            await preflight.ExecuteAsync(context);
            return;
        }
        if (rules.RequiresAcceptJson && !context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ApiErrors.Error(context, StatusCodes.Status406NotAcceptable, "not_acceptable", "Send Accept: application/json.").ExecuteAsync(context);
            return;
        }
        if (rules.RejectsSignatureHeadersOnReads && HttpMethods.IsGet(context.Request.Method)
            && context.Request.Headers.Keys.Any(k => k.StartsWith("X-CrewPass-", StringComparison.OrdinalIgnoreCase)))
        {
            await ApiErrors.Error(context, StatusCodes.Status400BadRequest, "unexpected_signature", "Reads are not signed.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static bool IsReadPath(PathString path) =>
        path.Equals(PartnerEndpoints.MePath) || path.Equals(VesselEndpoints.ListPath);

    /// <summary>
    /// The faithful reference sends no CORS headers at all: a browser page on another origin cannot read it, and a preflight
    /// (which carries no key) is refused like any unauthenticated request. The CORS faults open that door.
    /// </summary>
    private static IResult? CrossOrigin(HttpContext context, Cors cors)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || cors == Cors.None || (cors == Cors.NullOrigin && origin != "null")) return null;
        var headers = context.Response.Headers;
        if (cors == Cors.Wildcard)
        {
            headers.AccessControlAllowOrigin = "*";
        }
        else
        {
            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlAllowCredentials = "true";
            headers.Vary = "Origin";
        }
        if (!HttpMethods.IsOptions(context.Request.Method)) return null;
        headers.AccessControlAllowMethods = "GET, POST";
        headers.AccessControlAllowHeaders = "Authorization, X-Partner-API-Key, Content-Type";
        return Results.NoContent();
    }
}
