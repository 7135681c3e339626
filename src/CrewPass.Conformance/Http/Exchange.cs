using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrewPass.Conformance.Evidence;

namespace CrewPass.Conformance.Http;

/// <summary>One request and its answer, kept as evidence. Everything it prints is redacted.</summary>
public sealed class Exchange
{
    private const int BodyExcerptLength = 600;
    private readonly Lazy<JsonNode?> _json;

    public Exchange(ApiRequest request, Uri url, IReadOnlyList<KeyValuePair<string, string>> sentHeaders, int status, string reason,
        IReadOnlyList<KeyValuePair<string, string>> responseHeaders, string body, TimeSpan elapsed)
    {
        Request = request;
        Url = url;
        SentHeaders = sentHeaders;
        Status = status;
        Reason = reason;
        ResponseHeaders = responseHeaders;
        Body = body;
        Elapsed = elapsed;
        _json = new Lazy<JsonNode?>(() =>
        {
            try { return JsonNode.Parse(body); }
            catch (JsonException) { return null; }
        });
    }

    public ApiRequest Request { get; }
    public Uri Url { get; }
    public IReadOnlyList<KeyValuePair<string, string>> SentHeaders { get; }
    public int Status { get; }
    public string Reason { get; }
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; }
    public string Body { get; }
    public TimeSpan Elapsed { get; }

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The parsed body, or null when it is not JSON.</summary>
    public JsonNode? Json => _json.Value;

    public string? Header(string name) =>
        ResponseHeaders.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>The media type of the body without parameters, lower case.</summary>
    public string? MediaType => Header(HeaderNames.ContentType)?.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>The string at a JSON pointer of the body, or null.</summary>
    public string? StringAt(string pointer) => JsonPointer.Resolve(Json, pointer) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string Describe() => $"{Request.Method} {Url.PathAndQuery} -> {Status}";

    /// <summary>The request line, status, headers and a body excerpt, redacted.</summary>
    public string Evidence()
    {
        var text = new StringBuilder();
        text.Append("  > ").Append(Request.Method).Append(' ').Append(Url).AppendLine();
        foreach (var (name, value) in SentHeaders) text.Append("  > ").Append(name).Append(": ").Append(Printable(value)).AppendLine();
        text.Append("  < ").Append(Status).Append(' ').Append(Reason).AppendLine();
        foreach (var (name, value) in ResponseHeaders) text.Append("  < ").Append(name).Append(": ").Append(Printable(value)).AppendLine();
        var excerpt = Body.Length > BodyExcerptLength ? Body[..BodyExcerptLength] + $"… ({Body.Length} chars)" : Body;
        if (excerpt.Length > 0) text.Append("  < ").Append(excerpt.ReplaceLineEndings(" ")).AppendLine();
        return Redactor.Redact(text.ToString());
    }

    private static string Printable(string value)
    {
        var shown = value.Length > 200 ? value[..120] + $"…({value.Length} chars)" : value;
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
    }

    public static string ReasonOf(int status) => Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "";
}
