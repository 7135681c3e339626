using System.Globalization;
using System.Threading.RateLimiting;

namespace CrewPass.Reference;

/// <summary>Applies the partner's budget to every authenticated request and writes the headers of the instance's convention.</summary>
public static class RateLimitPolicy
{
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var options = context.OptionsOf();
        var rules = options.Behaviour.Limits;
        var limits = context.RequestServices.GetRequiredService<PartnerRateLimits>();
        var caller = KeyAuthentication.CallerOf(context);
        limits.Count(caller.Key);
        var window = options.Makes(LegalChoice.HourlyWindow) ? TimeSpan.FromHours(1) : caller.Partner.RateWindow;
        var decision = limits.Acquire(BudgetKey(context, caller, rules), rules.Budget.HasFlag(Budget.Global) ? 1000 : caller.Partner.RateLimit,
            window, rules.BlockedPastReset);
        if (rules.ThrottlesUnlistedPlan && caller.Partner.Plan == PartnerDirectory.UnlistedPlan)
            decision = decision with { Allowed = false, Remaining = 0 };
        if (!rules.HeadersOnScopeRefusal)
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status403Forbidden)
                    foreach (var name in context.Response.Headers.Keys.Where(k => k.StartsWith("X-RateLimit", StringComparison.OrdinalIgnoreCase) || k.StartsWith("RateLimit", StringComparison.OrdinalIgnoreCase)).ToArray())
                        context.Response.Headers.Remove(name);
                return Task.CompletedTask;
            });
        var omitHeaders = !rules.HeadersOnFaultPath && context.Request.Path.StartsWithSegments(options.ReadFaultPath)
                          || (!decision.Allowed && !rules.HeadersOn429);
        if (!omitHeaders) WriteHeaders(context.Response.Headers, decision, options);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }
        limits.CountThrottled(caller.Key);
        if (rules.RetryAfter)
        {
            var retryAfter = Math.Max(1, (int)Math.Ceiling(decision.ResetIn.TotalSeconds)) + rules.RetryAfterExtraSeconds;
            var clock = context.RequestServices.GetRequiredService<TimeProvider>();
            context.Response.Headers.RetryAfter = options.Makes(LegalChoice.RetryAfterAsDate)
                // The date names the second the budget is back: the next whole second after the reset.
                ? DateTimeOffset.FromUnixTimeSeconds((long)Math.Ceiling((clock.GetUtcNow() + TimeSpan.FromSeconds(retryAfter)).ToUnixTimeMilliseconds() / 1000.0)).ToString("R", CultureInfo.InvariantCulture)
                : retryAfter.ToString(CultureInfo.InvariantCulture);
        }
        await ApiErrors.Error(context, StatusCodes.Status429TooManyRequests, rules.ThrottledCode, "This partner's rate limit is spent; retry after Retry-After seconds.",
            withMessage: rules.ThrottledMessage).ExecuteAsync(context);
    });

    private static string BudgetKey(HttpContext context, Caller caller, LimiterRules rules)
    {
        if (rules.Budget.HasFlag(Budget.Global)) return "global";
        var key = caller.Partner.Id;
        if (rules.Budget.HasFlag(Budget.PerKeyMode)) key += "/" + caller.Mode;
        if (rules.Budget.HasFlag(Budget.PerHeaderForm)) key += context.Request.Headers.ContainsKey("X-Partner-API-Key") ? "/header" : "/bearer";
        return key;
    }

    private static void WriteHeaders(IHeaderDictionary headers, RateDecision decision, ReferenceOptions options)
    {
        var rules = options.Behaviour.Limits;
        var remaining = rules.RemainingFrozen ? decision.Limit - 1 : decision.Remaining + rules.RemainingOffset;
        var resetSeconds = Math.Max(1, (int)Math.Ceiling(decision.ResetIn.TotalSeconds));
        string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
        switch (options.RateLimitHeaders)
        {
            case HeaderConvention.XRateLimit:
                headers["X-RateLimit-Limit"] = Number(decision.Limit);
                headers["X-RateLimit-Remaining"] = Number(remaining);
                var epoch = (long)Math.Ceiling(decision.ResetAt.ToUnixTimeMilliseconds() / 1000.0);
                headers["X-RateLimit-Reset"] = Number(rules.ResetInMilliseconds ? decision.ResetAt.ToUnixTimeMilliseconds()
                    : options.Makes(LegalChoice.ResetAsEpochSecond) ? epoch : resetSeconds);
                break;
            case HeaderConvention.IetfDraft:
                headers["RateLimit-Limit"] = Number(decision.Limit);
                headers["RateLimit-Remaining"] = Number(remaining);
                headers["RateLimit-Reset"] = Number(rules.ResetInMilliseconds ? resetSeconds * 1000L * 1000L : resetSeconds);
                break;
            default:
                headers["RateLimit"] = $"\"partner\";r={Number(remaining)};t={Number(rules.ResetInMilliseconds ? resetSeconds * 1000L * 1000L : resetSeconds)}";
                headers["RateLimit-Policy"] = $"\"partner\";q={Number(decision.Limit)};w={Number((long)decision.Window.TotalSeconds)}";
                break;
        }
    }
}
