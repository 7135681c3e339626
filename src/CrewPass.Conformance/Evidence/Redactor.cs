using System.Text;
using System.Text.RegularExpressions;

namespace CrewPass.Conformance.Evidence;

/// <summary>
/// Masks keys and secrets to their prefix and last four characters wherever the harness writes.
/// It masks the registered secrets and anything close to them (truncated, extended, other letter case),
/// and every token shaped like an API key, registered or not.
/// </summary>
public static partial class Redactor
{
    private static readonly Lock Gate = new();
    private static string[] _secrets = [];

    /// <summary>Key-shaped tokens: a short lower-case prefix, a mode, and a long body (cpk_live_…, sk_test_…).</summary>
    [GeneratedRegex(@"\b[a-z]{1,8}_(?:[a-z]{2,8}_)?[A-Za-z0-9]{12,}")]
    private static partial Regex KeyShaped();

    public static void Register(IEnumerable<string> secrets)
    {
        lock (Gate)
            _secrets = _secrets.Concat(secrets.Where(s => s.Trim().Length >= 6).SelectMany(WithBody))
                .Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>A key's random body is the secret part: it is masked even under another prefix or none.</summary>
    private static IEnumerable<string> WithBody(string secret)
    {
        yield return secret;
        var body = secret[(secret.LastIndexOf('_') + 1)..];
        if (body.Length >= 16 && body.Length < secret.Length) yield return body;
    }

    public static string Mask(string secret)
    {
        var underscore = secret.LastIndexOf('_', Math.Max(0, Math.Min(secret.Length - 1, 12)));
        var prefix = underscore is > 0 and <= 12 ? secret[..(underscore + 1)] : "";
        var tail = secret.Length - prefix.Length > 8 ? secret[^4..] : "";
        return $"{prefix}…{tail}";
    }

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        string[] secrets;
        lock (Gate) secrets = _secrets;
        foreach (var secret in secrets) text = MaskNear(text, secret);
        return KeyShaped().Replace(text, m => IsIdentifier(m.Value) ? m.Value : Mask(m.Value));
    }

    /// <summary>Masks every occurrence of the secret less its last character, case-insensitively, with whatever letters follow it.</summary>
    private static string MaskNear(string text, string secret)
    {
        var stem = secret[..^1];
        var start = text.IndexOf(stem, StringComparison.OrdinalIgnoreCase);
        if (start < 0) return text;
        var result = new StringBuilder();
        var copied = 0;
        while (start >= 0)
        {
            var end = start + stem.Length;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end])) end++;
            result.Append(text, copied, start - copied).Append(Mask(text[start..end]));
            copied = end;
            start = text.IndexOf(stem, end, StringComparison.OrdinalIgnoreCase);
        }
        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Object ids (ves_…, ptn_…) are evidence, not secrets.</summary>
    private static bool IsIdentifier(string token) =>
        token.StartsWith("ves_", StringComparison.Ordinal) || token.StartsWith("ptn_", StringComparison.Ordinal)
        || token.StartsWith("crm_", StringComparison.Ordinal);
}
