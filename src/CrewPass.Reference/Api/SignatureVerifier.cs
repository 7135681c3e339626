using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrewPass.Reference;

/// <summary>
/// The reference's own verifier of the v2 request signature. It shares no code with the harness's signer:
/// two implementations that agree on the page's vectors are the point.
/// It hashes the raw body bytes, compares in constant time, takes server time from its TimeProvider, accepts
/// timestamps within ±300 s inclusive, and stores nonces atomically for longer than the acceptance window.
/// </summary>
public sealed partial class SignatureVerifier(TimeProvider clock, PartnerDirectory directory, ReferenceOptions options,
    INonceStore nonces)
{
    private const int WindowSeconds = 300;

    private SignatureRules Rules => options.Behaviour.Signatures;
    private readonly ConcurrentDictionary<string, string> _firstSignatures = new(StringComparer.Ordinal);
    private int _verifications;

    [GeneratedRegex("^[0-9]{1,10}$")]
    private static partial Regex UnixSeconds();

    [GeneratedRegex("^[0-9]{11,13}$")]
    private static partial Regex UnixMilliseconds();

    [GeneratedRegex("^v1=([0-9a-fA-F]{64})$")]
    private static partial Regex V1Signature();

    [GeneratedRegex("^(?:v[0-9]+=)?([0-9a-fA-F]{64})$")]
    private static partial Regex AnySchemeSignature();

    [GeneratedRegex("^v1=([0-9a-fA-F]{32,64})$")]
    private static partial Regex LooseLengthSignature();

    public async Task<SignatureRefusal?> VerifyAsync(HttpContext context, Caller caller, byte[] body)
    {
        var headers = context.Request.Headers;
        var timestamp = Header(headers, "X-CrewPass-Timestamp");
        var nonce = Header(headers, "X-CrewPass-Nonce");
        var signature = Header(headers, "X-CrewPass-Signature");
        if (signature.Length == 0 && Rules.UnsignedPassesThrough) return null;
        if ((timestamp.Length == 0 && Rules.RequireTimestamp) || signature.Length == 0 || (nonce.Length == 0 && Rules.RequireNonce))
            return new SignatureRefusal("invalid_signature", "X-CrewPass-Timestamp, X-CrewPass-Nonce and X-CrewPass-Signature are all required.");

        if (timestamp.Length > 0 && StaleOrMalformed(timestamp) is { } stale) return stale;

        var digest = ParseDigest(signature);
        if (digest is null) return new SignatureRefusal("invalid_signature", "X-CrewPass-Signature must be v1= and 64 hex digits.");
        if (Rules.CompareValue && !SecretsToTry(caller).Any(secret => Matches(secret, timestamp, nonce, body, digest)))
            return new SignatureRefusal("invalid_signature", "The signature does not match the request.");

        var retry = Rules.ServesIdenticalReplay && _firstSignatures.GetOrAdd(caller.Partner.Id + "\n" + nonce, signature) == signature;
        if (nonce.Length > 0 && !await RememberAsync(caller, nonce, body, RememberedSeconds(timestamp)) && !retry)
            return new SignatureRefusal("replayed_nonce", "This nonce was already used.");
        return null;
    }

    /// <summary>The second a nonce's timestamp names, for how long to remember it (the faults' lenient forms included).</summary>
    private long RememberedSeconds(string timestamp) =>
        UnixSeconds().IsMatch(timestamp) ? long.Parse(timestamp, CultureInfo.InvariantCulture)
        : UnixMilliseconds().IsMatch(timestamp) ? long.Parse(timestamp, CultureInfo.InvariantCulture) / 1000
        : clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>A sloppy parser: "-1700000000.5" reads as 1700000000, "yesterday" as now.</summary>
    private long Lenient(string timestamp) =>
        long.TryParse(timestamp.TrimStart('-', '+').Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds : clock.GetUtcNow().ToUnixTimeSeconds();

    private string Header(IHeaderDictionary headers, string name)
    {
        if (Rules.HeaderNamesInAnyCase) return headers[name].ToString();
        var found = headers.Keys.FirstOrDefault(k => k == name || k == name.ToLowerInvariant());
        return found is null ? "" : headers[found].ToString();
    }

    private SignatureRefusal? StaleOrMalformed(string timestamp)
    {
        long seconds;
        if (UnixSeconds().IsMatch(timestamp)) seconds = long.Parse(timestamp, CultureInfo.InvariantCulture);
        else if (Rules.Timestamps == TimestampForm.Lenient && !UnixMilliseconds().IsMatch(timestamp)) seconds = Lenient(timestamp);
        else if (Rules.Timestamps == TimestampForm.AlsoMilliseconds && UnixMilliseconds().IsMatch(timestamp)) seconds = long.Parse(timestamp, CultureInfo.InvariantCulture) / 1000;
        else return new SignatureRefusal("stale_timestamp", "X-CrewPass-Timestamp must be Unix time in whole seconds.");
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var window = Rules.WindowSeconds;
        var tooOld = seconds < now - window;
        var tooNew = seconds > now + window && Rules.FutureBounded;
        return tooOld || tooNew ? new SignatureRefusal("stale_timestamp", $"X-CrewPass-Timestamp must be within ±{WindowSeconds} s of server time.") : null;
    }

    private byte[]? ParseDigest(string signature)
    {
        var pattern = Rules.Digest switch
        {
            DigestForm.AnyScheme => AnySchemeSignature(),
            DigestForm.FirstHalfOnly => LooseLengthSignature(),
            _ => V1Signature(),
        };
        var match = pattern.Match(signature);
        if (!match.Success) return null;
        var hex = match.Groups[1].Value;
        return Convert.FromHexString(hex.Length % 2 == 0 ? hex : hex[..^1]);
    }

    private IEnumerable<string> SecretsToTry(Caller caller)
    {
        if (Rules.AnyPartnersSecret)
            return directory.Partners.Select(p => directory.SigningSecretOf(p.Id)).OfType<string>();
        return directory.SigningSecretOf(caller.Partner.Id) is { } secret ? [secret] : [];
    }

    private bool Matches(string secret, string timestamp, string nonce, byte[] body, byte[] presented)
    {
        var signedBody = Rules.ReserializeBody ? Reserialize(body) : body;
        var prefix = Rules.Message switch
        {
            SignedMessage.BodyAlone => "",
            SignedMessage.NonceTimestampBody => $"{nonce}.{timestamp}.",
            _ => $"{timestamp}.{nonce}.",
        };
        byte[] message = [.. Encoding.UTF8.GetBytes(prefix), .. signedBody];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        if (Rules.Digest == DigestForm.FirstHalfOnly)
            return CryptographicOperations.FixedTimeEquals(expected.AsSpan(0, 16), presented.AsSpan(0, Math.Min(16, presented.Length)));
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    /// <summary>The faithful verifier's verdict on one signature, clock and nonce store aside: what the vectors are checked against.</summary>
    public static bool SignatureMatches(string secret, string timestamp, string nonce, byte[] body, string signature)
    {
        var faithful = new SignatureVerifier(TimeProvider.System, new PartnerDirectory(), new ReferenceOptions(),
            new ProcessNonces());
        return faithful.ParseDigest(signature) is { } digest && faithful.Matches(secret, timestamp, nonce, body, digest);
    }

    /// <summary>Single use: the first request with a nonce claims it atomically; it is remembered past the window.</summary>
    private async Task<bool> RememberAsync(Caller caller, string nonce, byte[] body, long timestamp)
    {
        var key = caller.Partner.Id + "\n" + nonce;
        if (Rules.NonceKey.HasFlag(NonceKey.Body)) key += "\n" + Convert.ToHexString(SHA256.HashData(body));
        if (Rules.NonceKey.HasFlag(NonceKey.Timestamp)) key += "\n" + timestamp.ToString(CultureInfo.InvariantCulture);
        var forgetAfter = Math.Max(timestamp, clock.GetUtcNow().ToUnixTimeSeconds()) + WindowSeconds + 1;
        if (Rules.ForgetNoncesAfter is { } seconds)
        {
            // A store tuned for memory: entries live so long past their timestamp, not past the acceptance window.
            forgetAfter = timestamp + seconds;
            Forget();
        }
        if (Interlocked.Increment(ref _verifications) % 256 == 0) Forget();
        if (Rules.AtomicNonceStore) return nonces.TryAdd(key, forgetAfter);
        if (nonces.Contains(key)) return false;
        await Task.Delay(50);
        nonces.Set(key, forgetAfter);
        return true;
    }

    private void Forget() => nonces.ForgetBefore(clock.GetUtcNow().ToUnixTimeSeconds());

    private static byte[] Reserialize(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return JsonSerializer.SerializeToUtf8Bytes(document.RootElement);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
