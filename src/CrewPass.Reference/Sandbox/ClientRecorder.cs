using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace CrewPass.Reference;

/// <summary>
/// Client-certification mode's witness: every connection and every request as it arrived (time on the sandbox's clock,
/// connection, method, target, headers, raw body bytes) and the answer it got, written to recording.json after each
/// event so a stopped sandbox loses nothing. Keys and secrets never reach the file: the issued key becomes {{api-key}},
/// the signing secret {{signing-secret}}, anything else shaped like a key {{other-key}}, so where a key travelled stays
/// visible without the key itself.
/// </summary>
public sealed partial class ClientRecorder(string directory, ClientScenario scenario, int seed, TimeProvider clock, PartnerDirectory partners)
{
    public const string Format = "crewpass-client-recording";
    public const int FormatVersion = 1;
    public const string FileName = "recording.json";
    private const string EntryItem = "crewpass.recorded";

    private readonly Lock _gate = new();
    private readonly List<RecordedConnection> _connections = [];
    private readonly List<RecordedRequest> _requests = [];

    public static string SandboxVersion { get; } =
        typeof(ClientRecorder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Kestrel connection middleware: counts every TCP connection, before TLS, so a client that refuses the certificate still shows it tried.</summary>
    public ConnectionDelegate Connections(ConnectionDelegate next) => async connection =>
    {
        lock (_gate) _connections.Add(new RecordedConnection(connection.ConnectionId, clock.GetUtcNow()));
        Save();
        await next(connection);
    };

    public static void MarkDropped(HttpContext context)
    {
        if (context.Items[EntryItem] is RecordedRequest request) request.Answer.Dropped = true;
    }

    /// <summary>The first middleware: records the request with its raw body, then the answer once it is sent (or dropped).</summary>
    public async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var arrived = clock.GetUtcNow();
        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        context.Request.Body.Position = 0;
        var (body, bodyRedacted) = RedactBytes(buffer.ToArray());
        var request = new RecordedRequest(
            context.Connection.Id, arrived, context.Request.Method, Redact(context.Request.Path + context.Request.QueryString), context.Request.Protocol,
            context.Request.Headers.SelectMany(h => h.Value.Select(v => new[] { h.Key.ToLowerInvariant(), Redact(v ?? "") })).ToArray(),
            Convert.ToBase64String(body), bodyRedacted, new RecordedAnswer());
        context.Items[EntryItem] = request;
        lock (_gate) _requests.Add(request);
        context.Response.OnStarting(() =>
        {
            request.Answer.At = clock.GetUtcNow();
            request.Answer.Status = context.Response.StatusCode;
            request.Answer.RetryAfter = context.Response.Headers.RetryAfter.ToString() is { Length: > 0 } r ? r : null;
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            Save();
        }
    }

    private string Redact(string text)
    {
        var (key, secret) = (partners.Credentials.TestKey, partners.Credentials.SigningSecret);
        text = text.Replace(key, "{{api-key}}", StringComparison.Ordinal).Replace(secret, "{{signing-secret}}", StringComparison.Ordinal);
        return KeyShaped().Replace(text, "{{other-key}}");
    }

    private (byte[] Bytes, bool Redacted) RedactBytes(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var redacted = Redact(text);
        return redacted == text ? (bytes, false) : (Encoding.Latin1.GetBytes(redacted), true);
    }

    /// <summary>Writes the recording as it stands; the host writes an empty one at start, so a client that never connects still leaves one.</summary>
    public void Save()
    {
        string json;
        lock (_gate)
        {
            json = JsonSerializer.Serialize(new Recording(Format, FormatVersion, SandboxVersion, scenario.Name(), seed,
                (int)ClientScenarios.RetryAfter.TotalSeconds, _connections.ToArray(), _requests.ToArray()), Json);
            // Write-then-rename, under the lock: a reader sees the last whole recording, never half of one.
            Directory.CreateDirectory(directory);
            var temporary = Path.Combine(directory, FileName + ".tmp");
            File.WriteAllText(temporary, json);
            File.Move(temporary, Path.Combine(directory, FileName), overwrite: true);
        }
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [GeneratedRegex("c(p|pp)k_(live|test)_[A-Za-z0-9]+|cpsk_[A-Za-z0-9]+")]
    private static partial Regex KeyShaped();

    private sealed record Recording(string Format, int Version, string Sandbox, string Scenario, int Seed, int RetryAfterSeconds,
        IReadOnlyList<RecordedConnection> Connections, IReadOnlyList<RecordedRequest> Requests);

    private sealed record RecordedConnection(string Id, DateTimeOffset OpenedAt);

    private sealed record RecordedRequest(string Connection, DateTimeOffset ArrivedAt, string Method, string Target, string Protocol,
        IReadOnlyList<string[]> Headers, string Body, bool BodyRedacted, RecordedAnswer Answer);

    private sealed class RecordedAnswer
    {
        public int? Status { get; set; }
        public DateTimeOffset? At { get; set; }
        public string? RetryAfter { get; set; }
        public bool Dropped { get; set; }
    }
}
