using System.Buffers;
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

    /// <summary>
    /// The secrets' stems (less their last character), longest first, and one multi-string search over them; null until
    /// the first redaction after a registration: a run registers its targets' secrets in a burst (the fault matrix, 81
    /// targets at once), and building the search at each one cost more than the redactions it served.
    /// </summary>
    private static (string[] Stems, SearchValues<string>? Search)? _stems = ([], null);

    /// <summary>Key-shaped tokens: a short lower-case prefix, a mode, and a long body (cpk_live_…, sk_test_…).</summary>
    [GeneratedRegex(@"\b[a-z]{1,8}_(?:[a-z]{2,8}_)?[A-Za-z0-9]{12,}")]
    private static partial Regex KeyShaped();

    public static void Register(IEnumerable<string> secrets)
    {
        lock (Gate)
        {
            _secrets = _secrets.Concat(secrets.Where(s => s.Trim().Length >= 6).SelectMany(WithBody))
                .Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
            _stems = null;
        }
    }

    /// <summary>One pass over the text finds every place any stem starts (a fault matrix registers hundreds of secrets).</summary>
    private static (string[] Stems, SearchValues<string>? Search) Stems()
    {
        var stems = _secrets.Select(s => s[..^1]).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(s => s.Length).ToArray();
        return (stems, stems.Length == 0 ? null : SearchValues.Create(stems, StringComparison.OrdinalIgnoreCase));
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
        (string[] Stems, SearchValues<string>? Search) stems;
        lock (Gate) stems = _stems ??= Stems();
        if (stems.Search is not null) text = MaskNear(text, stems.Stems, stems.Search);
        return Printable.Escape(KeyShaped().Replace(text, m => IsIdentifier(m.Value) ? m.Value : Mask(m.Value)));
    }

    /// <summary>
    /// Masks every occurrence of a secret less its last character, case-insensitively, with whatever letters follow it.
    /// Where stems overlap, the leftmost and then the longest wins (a key before its own body).
    /// </summary>
    private static string MaskNear(string text, string[] stems, SearchValues<string> search)
    {
        StringBuilder? result = null;
        var copied = 0;
        var position = 0;
        while (position < text.Length)
        {
            var found = text.AsSpan(position).IndexOfAny(search);
            if (found < 0) break;
            var start = position + found;
            var stem = stems.First(s => text.AsSpan(start).StartsWith(s, StringComparison.OrdinalIgnoreCase));
            var end = start + stem.Length;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end])) end++;
            (result ??= new StringBuilder(text.Length)).Append(text, copied, start - copied).Append(Mask(text[start..end]));
            copied = position = end;
        }
        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Object ids (ves_…, ptn_…) are evidence, not secrets.</summary>
    private static bool IsIdentifier(string token) =>
        token.StartsWith("ves_", StringComparison.Ordinal) || token.StartsWith("ptn_", StringComparison.Ordinal)
        || token.StartsWith("crm_", StringComparison.Ordinal);
}
