using System.Globalization;
using System.Text;
using CrewPass.Conformance.Evidence;

namespace CrewPass.Conformance.Clients;

/// <summary>
/// One request as it reached the sandbox. The sandbox wrote the issued key as {{api-key}}, the signing secret as
/// {{signing-secret}} and any other key-shaped token as {{other-key}}, so where a key travelled is visible, not the key.
/// </summary>
public sealed record RecordedRequest(
    int Number, string Connection, DateTimeOffset ArrivedAt, string Method, string Target, string Protocol,
    IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, bool BodyRedacted, RecordedAnswer Answer)
{
    public const string IssuedKey = "{{api-key}}";
    public const string SigningSecret = "{{signing-secret}}";
    public const string OtherKey = "{{other-key}}";

    public bool IsRead => Method is "GET" or "HEAD";

    public string Path => Target.Split('?')[0];

    /// <summary>Method and path: a call, as CLIENT-07 compares them.</summary>
    public string Call => $"{Method} {Path}";

    public IReadOnlyList<string> All(string header) =>
        Headers.Where(h => string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToArray();

    public string? One(string header) => All(header) is [var value] ? value : null;

    /// <summary>The request as evidence: request line, headers, body excerpt and what it got, redacted once more.</summary>
    public string Evidence(DateTimeOffset start)
    {
        string At(DateTimeOffset t) => $"+{(t - start).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s";
        var text = new StringBuilder();
        text.Append($"  #{Number} > {Method} {Target} {Protocol} (arrived {At(ArrivedAt)}, connection {Connection})").AppendLine();
        foreach (var (name, value) in Headers) text.Append("  > ").Append(name).Append(": ").Append(value).AppendLine();
        if (Body.Length > 0)
        {
            var body = Encoding.UTF8.GetString(Body);
            text.Append("  > ").Append(body.Length > 300 ? body[..300] + $"… ({Body.Length} bytes)" : body).Append(BodyRedacted ? " (redacted by the sandbox)" : "").AppendLine();
        }
        text.Append("  < ").Append(Answer switch
        {
            { Dropped: true } => "connection dropped by the sandbox before any answer",
            { Status: { } status, At: { } at } => $"{status} at {At(at)}" + (Answer.RetryAfter is { } r ? $", Retry-After: {r}" : ""),
            _ => "no answer recorded",
        }).AppendLine();
        return Redactor.Redact(text.ToString());
    }
}
