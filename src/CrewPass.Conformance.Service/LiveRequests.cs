using System.Globalization;
using System.Text.Json;
using CrewPass.Reference;
using Microsoft.AspNetCore.Http;

namespace CrewPass.Conformance.Service;

/// <summary>
/// A session's requests as they arrive, as server-sent events: read from the database, so the page sees what any
/// instance recorded. Redacted as the recording is; the page's script writes every field as text.
/// </summary>
public static class LiveRequests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(400);

    /// <summary>An answer still missing after this long is shown as it is: its instance may have died.</summary>
    private static readonly TimeSpan Unanswered = TimeSpan.FromSeconds(10);

    public static async Task StreamAsync(HttpContext http, string session, CertificationStore store,
        HostedSandbox sandbox)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        var stopped = http.RequestAborted;
        var last = long.TryParse(http.Request.Headers["Last-Event-ID"], CultureInfo.InvariantCulture, out var seen)
            ? seen : 0;
        try
        {
            while (store.Session(session) is { Judged: false })
            {
                last = await SendAsync(http.Response, sandbox.Store.Requests(session, last), last, stopped);
                await Task.Delay(Poll, stopped);
            }
            await http.Response.WriteAsync("event: judged\ndata: {}\n\n", stopped);
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    /// <summary>Sends the answered requests in order, up to the first still in flight; the last row sent.</summary>
    private static async Task<long> SendAsync(HttpResponse response,
        IReadOnlyList<(long Id, ClientScenario Scenario, SandboxExchange Exchange)> requests, long last,
        CancellationToken stopped)
    {
        foreach (var (id, scenario, exchange) in requests)
        {
            if (!Answered(exchange)) break;
            await response.WriteAsync($"id: {id}\ndata: {JsonSerializer.Serialize(Row(scenario, exchange))}\n\n",
                stopped);
            last = id;
        }
        await response.Body.FlushAsync(stopped);
        return last;
    }

    private static bool Answered(SandboxExchange exchange) => exchange.Answer.Status is not null
        || exchange.Answer.Dropped || DateTimeOffset.UtcNow - exchange.ArrivedAt > Unanswered;

    private static object Row(ClientScenario scenario, SandboxExchange exchange) => new
    {
        at = exchange.ArrivedAt.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
        scenario = scenario.Name(),
        request = $"{exchange.Method} {exchange.Target}",
        answer = exchange.Answer.Dropped ? "dropped" : exchange.Answer.Status?.ToString(CultureInfo.InvariantCulture)
            ?? "no answer",
    };
}
