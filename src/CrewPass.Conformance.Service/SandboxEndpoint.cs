using System.Net;
using System.Text;
using System.Threading.RateLimiting;
using CrewPass.Reference;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CrewPass.Conformance.Service;

/// <summary>
/// The multi-tenant sandbox: one HTTPS endpoint for every session. The request's key names its session and scenario;
/// the request is bounded per session, then served by that scenario's tenant, which records it in the database.
/// </summary>
public static class SandboxEndpoint
{
    public static async Task<WebApplication> StartAsync(int port, Certificates certificates, SandboxStore store,
        SandboxTenants tenants)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // As the reference: non-ASCII key bytes reach the key check, not a transport 400.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
            kestrel.Limits.MaxRequestBodySize = SandboxBounds.MaxBody;
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificates.Server));
        });
        var app = builder.Build();
        var limiter = PartitionedRateLimiter.Create<string, string>(session => RateLimitPartition.GetTokenBucketLimiter(
            session, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = SandboxBounds.Burst,
                TokensPerPeriod = SandboxBounds.PerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }));
        app.Run(context => ServeAsync(context, store, tenants, limiter));
        await app.StartAsync();
        return app;
    }

    private static async Task ServeAsync(HttpContext context, SandboxStore store, SandboxTenants tenants,
        PartitionedRateLimiter<string> limiter)
    {
        if (KeyAuthentication.PresentedKey(context) is not { Length: > 0 } presented
            || store.Find(presented) is not { Judged: false } key)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "invalid_api_key",
                "No session's scenario has this key (or its session was judged): use the key the session page gives.");
            return;
        }
        if (context.Request.ContentLength > SandboxBounds.MaxBody)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "request_too_large",
                $"The sandbox takes bodies of at most {SandboxBounds.MaxBody} bytes.");
            return;
        }
        using var lease = limiter.AttemptAcquire(key.Session);
        if (!lease.IsAcquired)
        {
            context.Response.Headers.RetryAfter = "1";
            await RefuseAsync(context, StatusCodes.Status429TooManyRequests, "sandbox_bound",
                $"This session sent more than {SandboxBounds.PerSecond} requests a second; retry after a second.");
            return;
        }
        await (await tenants.ForAsync(key)).ServeAsync(context);
    }

    /// <summary>
    /// The sandbox's own refusals, shaped as the API's errors; not recorded, since no scenario sent them.
    /// </summary>
    private static Task RefuseAsync(HttpContext context, int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status).ExecuteAsync(context);
}
