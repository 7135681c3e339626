using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace CrewPass.Reference;

/// <summary>
/// Client-certification mode's witness: every connection and every request as it arrived (time on the sandbox's clock,
/// connection, method, target, headers, raw body bytes) and the answer it got, handed to the sink as each happens.
/// Keys and secrets never reach it: the issued key becomes {{api-key}}, the signing secret {{signing-secret}}, anything
/// else shaped like a key {{other-key}}, so where a key travelled stays visible without the key itself.
/// </summary>
public sealed partial class ClientRecorder(IRecordingSink sink, TimeProvider clock, PartnerDirectory partners)
{
    private const string EntryItem = "crewpass.recorded";

    /// <summary>Kestrel connection middleware: counts every TCP connection, before TLS, so a client that refuses the certificate still shows it tried.</summary>
    public ConnectionDelegate Connections(ConnectionDelegate next) => async connection =>
    {
        sink.Connected(new SandboxConnection(connection.ConnectionId, clock.GetUtcNow()));
        await next(connection);
    };

    public static void MarkDropped(HttpContext context)
    {
        if (context.Items[EntryItem] is SandboxExchange request) request.Answer.Dropped = true;
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
        var request = new SandboxExchange(
            context.Connection.Id, arrived, context.Request.Method, Redact(context.Request.Path + context.Request.QueryString), context.Request.Protocol,
            context.Request.Headers.SelectMany(h => h.Value.Select(v => new[] { h.Key.ToLowerInvariant(), Redact(v ?? "") })).ToArray(),
            Convert.ToBase64String(body), bodyRedacted, new SandboxAnswer());
        context.Items[EntryItem] = request;
        sink.Arrived(request);
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
            sink.Answered(request);
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

    [GeneratedRegex("c(p|pp)k_(live|test)_[A-Za-z0-9]+|cpsk_[A-Za-z0-9]+")]
    private static partial Regex KeyShaped();
}
