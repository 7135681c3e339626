namespace CrewPass.Reference;

/// <summary>What every API response carries, and the request-level rules that sit in front of the resources.</summary>
public static class ResponsePolicy
{
    public static IApplicationBuilder UseResponsePolicy(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var options = context.RequestServices.GetRequiredService<ReferenceOptions>();
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        context.Response.OnStarting(() =>
        {
            // Date tells clients the server's own time, which signers need when the clock is off.
            context.Response.Headers.Date = clock.GetUtcNow().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            // Keyed responses must never land in a shared cache.
            context.Response.Headers.CacheControl = options.Has(Fault.PublicCacheHeader) ? "public, max-age=60" : "no-store";
            return Task.CompletedTask;
        });
        if (options.Has(Fault.AcceptJsonRequired) && !context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ApiErrors.Error(context, StatusCodes.Status406NotAcceptable, "not_acceptable", "Send Accept: application/json.").ExecuteAsync(context);
            return;
        }
        if (options.Has(Fault.SignatureHeadersRejectedOnReads) && HttpMethods.IsGet(context.Request.Method)
            && context.Request.Headers.Keys.Any(k => k.StartsWith("X-CrewPass-", StringComparison.OrdinalIgnoreCase)))
        {
            await ApiErrors.Error(context, StatusCodes.Status400BadRequest, "unexpected_signature", "Reads are not signed.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
