using System.Net;
using System.Net.Sockets;

namespace CrewPass.Conformance.Http;

/// <summary>
/// Every request passes here: it refuses to send a key over cleartext to a non-loopback host (AUTH-07),
/// counts the request, records what was sent, and retries idempotent requests after transport errors
/// (never after an answer: an answer is evidence, whatever it says).
/// </summary>
/// <param name="timeout">How long one attempt may wait for its answer once on the wire: time spent queued for a slot
/// or waiting out a 429 is the harness's own, never the target's slowness.</param>
public sealed class HarnessHandler(
    HttpMessageHandler inner, int maxInFlight = HarnessHandler.DefaultMaxInFlight, TimeSpan? timeout = null)
    : DelegatingHandler(inner)
{
    public const int DefaultMaxInFlight = 64;

    /// <summary>The target's capacity, not the harness's appetite: at most MaxInFlight requests on the wire to it at once.</summary>
    private readonly SemaphoreSlim _slots = new(maxInFlight);

    /// <summary>
    /// Requests sent ahead of their checks take at most three quarters of the slots: a check's own request never queues
    /// behind the whole of what was sent ahead, so a worker waits for one answer, not for the run's.
    /// </summary>
    private readonly SemaphoreSlim _aheadSlots = new(Math.Max(1, maxInFlight - maxInFlight / 4));

    /// <summary>Set on the thread that sends shared answers ahead of the checks that judge them.</summary>
    public static readonly AsyncLocal<bool> SentAhead = new();

    private const int TransportAttempts = 3;
    private const int OversizeHeaderValue = 4096;
    private const int RateLimitRetries = 3;
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Set by the rate-limit checks, which must see every 429. Everywhere else a 429 is the target protecting a busy
    /// partner budget, not a verdict: the handler waits Retry-After and asks again, a bounded number of times.
    /// </summary>
    public static readonly AsyncLocal<bool> ObserveRateLimits = new();

    /// <summary>Filled in by the handler with the headers actually sent; set by the caller before it sends.</summary>
    public static readonly AsyncLocal<List<KeyValuePair<string, string>>?> SentHeaders = new();

    public static bool CarriesCredential(HttpRequestMessage request) =>
        request.Headers.Contains(HeaderNames.Authorization) || request.Headers.Contains(HeaderNames.PartnerApiKey) || request.Headers.Contains(HeaderNames.Cookie)
        || (request.RequestUri?.Query.Contains("key", StringComparison.OrdinalIgnoreCase) ?? false)
        || (request.RequestUri?.Query.Contains("token", StringComparison.OrdinalIgnoreCase) ?? false);

    public static bool IsCleartextToRemote(Uri uri) => uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback;

    /// <summary>Set by the client for a request that must go over HTTP/1.1 (<see cref="ApiRequest.Http11"/>).</summary>
    public static readonly AsyncLocal<bool> Http11 = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (IsCleartextToRemote(request.RequestUri!) && CarriesCredential(request))
            throw new TransportException(TransportFailure.Refused, $"{request.Method} {request.RequestUri}",
                "the harness does not send a key over cleartext http to a non-loopback host (AUTH-07); use an https BaseUrl");
        ChooseVersion(request);
        RecordSentHeaders(request);
        var idempotent = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
        var throttled = 0;
        for (var attempt = 1; ; attempt++)
        {
            RequestLedger.Record();
            HttpResponseMessage response;
            try
            {
                response = await OnTheWireAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (idempotent && attempt < TransportAttempts && IsTransient(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt * attempt), cancellationToken);
                continue;
            }
            if (response.StatusCode != HttpStatusCode.TooManyRequests || !idempotent || ObserveRateLimits.Value || throttled++ >= RateLimitRetries)
                return response;
            var wait = RetryAfter(response) ?? TimeSpan.FromSeconds(1);
            if (wait > LongestRetryAfter) return response;
            response.Dispose();
            RequestLedger.RecordWait(wait);
            await Task.Delay(wait, cancellationToken);
            attempt = 0;
        }
    }

    /// <summary>
    /// HTTP/2 where the target offers it (ALPN), as browsers and curl do: concurrent probes share one warm connection.
    /// HTTP/1.1 when asked, or for an over-long header: over HTTP/2 this client refuses to send past the server's
    /// announced header-list limit, so the key would never reach the target; over HTTP/1.1 its answer (a 431, say) is
    /// the evidence KEY-01 judges.
    /// </summary>
    private static void ChooseVersion(HttpRequestMessage request)
    {
        var http11 = Http11.Value || request.Headers.Any(h => h.Value.Any(v => v.Length > OversizeHeaderValue));
        request.Version = http11 ? HttpVersion.Version11 : HttpVersion.Version20;
        request.VersionPolicy = http11 ? HttpVersionPolicy.RequestVersionExact : HttpVersionPolicy.RequestVersionOrLower;
    }

    private static void RecordSentHeaders(HttpRequestMessage request)
    {
        if (SentHeaders.Value is not { } sent) return;
        sent.Clear();
        sent.AddRange(request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v))));
        if (request.Content is not null)
            sent.AddRange(request.Content.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v))));
    }

    /// <summary>One attempt: a slot (from the ahead lane too, for a request sent ahead), then the answer within the timeout.</summary>
    private async Task<HttpResponseMessage> OnTheWireAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var ahead = SentAhead.Value;
        if (ahead) await _aheadSlots.WaitAsync(cancellationToken);
        await _slots.WaitAsync(cancellationToken);
        RequestLedger.Enter();
        using var onWire = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit) onWire.CancelAfter(limit);
        try
        {
            return await base.SendAsync(request, onWire.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TaskCanceledException("no answer before RequestTimeout", new TimeoutException(e.Message));
        }
        finally
        {
            Release(ahead);
        }
    }

    private void Release(bool ahead)
    {
        RequestLedger.Leave();
        _slots.Release();
        if (ahead) _aheadSlots.Release();
    }

    /// <summary>Retry-After as delta seconds or an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>Resets and dropped connections are worth another try; a refused connection or a TLS failure is not.</summary>
    private static bool IsTransient(HttpRequestException e) =>
        e.InnerException is IOException || e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted }
        || e.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.HttpProtocolError;

    public static TransportException Classify(Exception e, string request, CertificateTrust trust) => e switch
    {
        TransportException t => t,
        TaskCanceledException or TimeoutException => new TransportException(TransportFailure.Timeout, request, "no answer before RequestTimeout", e),
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } =>
            new TransportException(TransportFailure.Tls, request, "TLS failed: " + (trust.LastFailure ?? e.InnerException?.Message ?? e.Message), e),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } =>
            new TransportException(TransportFailure.Unreachable, request, e.Message, e),
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable } } =>
            new TransportException(TransportFailure.Unreachable, request, e.Message, e),
        _ => new TransportException(TransportFailure.Other, request, e.Message, e),
    };
}
