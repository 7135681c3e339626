namespace CrewPass.Conformance.Http;

/// <summary>What a check sends. Headers are sent exactly as given, in order, even when not legal HTTP.</summary>
public sealed record ApiRequest(string Method, string Path)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];
    public string? Body { get; init; }
    public string BodyContentType { get; init; } = "application/json";

    /// <summary>Only Host, User-Agent and Accept: */*, as the page's curl example sends, and the given headers.</summary>
    public bool Minimal { get; init; }

    /// <summary>Over HTTP/1.1, so header names reach the server spelt as written (HTTP/2 sends every name in lower case).</summary>
    public bool Http11 { get; init; }

    public static ApiRequest Get(string path) => new("GET", path);

    public ApiRequest WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    public ApiRequest WithBearer(string key) => WithHeader(HeaderNames.Authorization, "Bearer " + key);

    public ApiRequest WithApiKeyHeader(string key) => WithHeader(HeaderNames.PartnerApiKey, key);

    public ApiRequest WithQuery(string name, string value) => this with { Query = [.. Query, new(name, value)] };

    public override string ToString() => $"{Method} {Path}";
}
