using System.Diagnostics;
using System.Net;
using System.Text;
using RestSharp;

namespace CrewPass.Conformance.Http;

/// <summary>The harness's HTTP client for one target: RestSharp over a handler that trusts only what it should.</summary>
public sealed class ConformanceClient : IDisposable
{
    private readonly RestClient _rest;
    private readonly CertificateTrust _trust;

    public ConformanceClient(Uri baseUrl, CertificateTrust trust, TimeSpan timeout, int maxInFlight = HarnessHandler.DefaultMaxInFlight)
    {
        BaseUrl = baseUrl;
        _trust = trust;
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            // Non-ASCII keys are part of the invalid-key corpus: send their UTF-8 bytes as curl would.
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            SslOptions = { RemoteCertificateValidationCallback = trust.Validate },
        };
        // The handler times each attempt on the wire; the client waits as long as the queue and the 429s take.
        var http = new HttpClient(new HarnessHandler(sockets, maxInFlight, timeout)) { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
        _rest = new RestClient(http, new RestClientOptions(baseUrl) { ThrowOnAnyError = false, FollowRedirects = false }, disposeHttpClient: true);
    }

    public Uri BaseUrl { get; }

    public CertificateTrust Trust => _trust;

    /// <summary>Set by the caller to collect "METHOD path -> status" for every exchange of the current check, for the report.</summary>
    public static readonly AsyncLocal<List<string>?> Transcript = new();

    public Task<Exchange> GetAsync(string path, Func<ApiRequest, ApiRequest>? configure = null) =>
        SendAsync((configure ?? (r => r))(ApiRequest.Get(path)));

    /// <summary>Sends the request; any answer is an <see cref="Exchange"/>, no answer a <see cref="TransportException"/>.</summary>
    public async Task<Exchange> SendAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        var rest = new RestRequest(request.Path, Method.Get) { Method = Enum.Parse<Method>(request.Method, ignoreCase: true) };
        foreach (var (name, value) in request.Query) rest.AddQueryParameter(name, value);
        if (request.Minimal) rest.AddHeader("Accept", "*/*");
        foreach (var (name, value) in request.Headers) rest.AddHeader(name, value);
        if (request.Body is not null) rest.AddStringBody(request.Body, request.BodyContentType);

        var sent = new List<KeyValuePair<string, string>>();
        HarnessHandler.SentHeaders.Value = sent;
        HarnessHandler.Http11.Value = request.Http11;
        var clock = Stopwatch.StartNew();
        var response = await _rest.ExecuteAsync(rest, cancellationToken);
        clock.Stop();
        var url = response.ResponseUri ?? new Uri(BaseUrl, request.Path);
        if (response.StatusCode == 0 || response.ResponseStatus is ResponseStatus.TimedOut or ResponseStatus.Aborted)
            throw HarnessHandler.Classify(response.ErrorException ?? new TimeoutException(), $"{request.Method} {url}", _trust);

        var headers = (response.Headers ?? []).Concat(response.ContentHeaders ?? [])
            .Select(h => new KeyValuePair<string, string>(h.Name, h.Value?.ToString() ?? "")).ToArray();
        var status = (int)response.StatusCode;
        var exchange = new Exchange(request, url, sent.ToArray(), status, Exchange.ReasonOf(status), headers, response.Content ?? "", clock.Elapsed);
        if (Transcript.Value is { } transcript)
            lock (transcript) transcript.Add(exchange.Describe());
        return exchange;
    }

    public void Dispose() => _rest.Dispose();
}
