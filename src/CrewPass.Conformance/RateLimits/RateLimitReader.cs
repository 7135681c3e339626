using System.Globalization;
using System.Text.RegularExpressions;
using CrewPass.Conformance.Http;

namespace CrewPass.Conformance.RateLimits;

public static partial class RateLimitReader
{
    private const double MaxDeltaSeconds = 86_400;
    private const long EpochThreshold = 1_000_000_000;

    public static RateLimitConvention ParseConvention(string setting) => setting.ToLowerInvariant() switch
    {
        "auto" => RateLimitConvention.Auto,
        "x-ratelimit" => RateLimitConvention.XRateLimit,
        "ietf-draft" => RateLimitConvention.IetfDraft,
        "ietf-structured" => RateLimitConvention.IetfStructured,
        _ => throw new ArgumentException($"unknown rate-limit convention '{setting}'", nameof(setting)),
    };

    public static string NameOf(RateLimitConvention convention) => convention switch
    {
        RateLimitConvention.XRateLimit => "x-ratelimit",
        RateLimitConvention.IetfDraft => "ietf-draft",
        RateLimitConvention.IetfStructured => "ietf-structured",
        _ => "auto",
    };

    /// <summary>Reads the headers in the given convention (or the one detected); <paramref name="now"/> turns an epoch reset into seconds.</summary>
    public static RateLimitRead Read(IEnumerable<KeyValuePair<string, string>> headers, RateLimitConvention convention, DateTimeOffset now)
    {
        var byName = headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        var detected = convention != RateLimitConvention.Auto ? convention
            : byName.ContainsKey(HeaderNames.XRateLimitLimit) || byName.ContainsKey(HeaderNames.XRateLimitRemaining) ? RateLimitConvention.XRateLimit
            : byName.ContainsKey(HeaderNames.RateLimitLimit) || byName.ContainsKey(HeaderNames.RateLimitRemaining) ? RateLimitConvention.IetfDraft
            : byName.ContainsKey(HeaderNames.RateLimit) ? RateLimitConvention.IetfStructured
            : RateLimitConvention.Auto;
        return detected switch
        {
            RateLimitConvention.XRateLimit => ReadTriple(byName, "X-RateLimit-", detected, now),
            RateLimitConvention.IetfDraft => ReadTriple(byName, "RateLimit-", detected, now),
            RateLimitConvention.IetfStructured => ReadStructured(byName, now),
            _ => new RateLimitRead(null, "no rate-limit headers: looked for X-RateLimit-*, RateLimit-Limit/-Remaining/-Reset and RateLimit with RateLimit-Policy"),
        };
    }

    private static RateLimitRead ReadTriple(Dictionary<string, string> headers, string prefix, RateLimitConvention convention, DateTimeOffset now)
    {
        var raw = string.Join("; ", new[] { "Limit", "Remaining", "Reset" }.Where(n => headers.ContainsKey(prefix + n)).Select(n => $"{prefix}{n}: {headers[prefix + n]}"));
        var problems = new List<string>();
        var limit = Number(headers, prefix + "Limit", problems);
        var remaining = Number(headers, prefix + "Remaining", problems);
        var reset = Number(headers, prefix + "Reset", problems);
        return Normalise(convention, limit, remaining, reset, raw, problems, now);
    }

    private static RateLimitRead ReadStructured(Dictionary<string, string> headers, DateTimeOffset now)
    {
        var state = headers.GetValueOrDefault(HeaderNames.RateLimit);
        var policy = headers.GetValueOrDefault(HeaderNames.RateLimitPolicy);
        var raw = $"RateLimit: {state ?? "(absent)"}; RateLimit-Policy: {policy ?? "(absent)"}";
        var problems = new List<string>();
        if (state is null) problems.Add("RateLimit is missing");
        if (policy is null) problems.Add("RateLimit-Policy is missing, so there is no quota");
        var stateItem = state is null ? null : FirstItem(state, problems, HeaderNames.RateLimit);
        var policyItem = policy is null ? null : FirstItem(policy, problems, HeaderNames.RateLimitPolicy);
        long? Parameter(Dictionary<string, string>? item, string name, string header)
        {
            if (item is null) return null;
            if (item.TryGetValue(name, out var value) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            problems.Add($"{header} has no whole-number parameter {name}");
            return null;
        }
        return Normalise(RateLimitConvention.IetfStructured, Parameter(policyItem, "q", HeaderNames.RateLimitPolicy), Parameter(stateItem, "r", HeaderNames.RateLimit),
            Parameter(stateItem, "t", HeaderNames.RateLimit), raw, problems, now);
    }

    private static RateLimitRead Normalise(RateLimitConvention convention, long? limit, long? remaining, long? reset, string raw, List<string> problems, DateTimeOffset now)
    {
        if (limit is null || remaining is null || reset is null)
            return new RateLimitRead(null, $"{string.Join("; ", problems)} (headers: {Quote(raw)})");
        double resetSeconds = reset.Value;
        if (reset.Value >= EpochThreshold)
        {
            resetSeconds = reset.Value - now.ToUnixTimeMilliseconds() / 1000.0;
            if (resetSeconds is < -5 or > MaxDeltaSeconds)
                problems.Add($"reset {reset} is neither a delta nor an epoch within a day of now ({now.ToUnixTimeSeconds()}){(reset.Value > EpochThreshold * 100 ? "; it looks like milliseconds" : "")}");
        }
        else if (resetSeconds > MaxDeltaSeconds)
        {
            problems.Add($"reset {reset} s is more than a day: not a plausible delta");
        }
        if (limit <= 0) problems.Add($"limit {limit} is not above 0");
        if (remaining > limit) problems.Add($"remaining {remaining} is above the limit {limit}");
        var reading = new RateLimitReading(convention, limit.Value, remaining.Value, Math.Max(0, resetSeconds), raw);
        return new RateLimitRead(reading, problems.Count == 0 ? null : $"{string.Join("; ", problems)} (headers: {Quote(raw)})");
    }

    private static long? Number(Dictionary<string, string> headers, string name, List<string> problems)
    {
        if (!headers.TryGetValue(name, out var value))
        {
            problems.Add($"{name} is missing");
            return null;
        }
        // The older IETF draft allows a policy list after the number: "100, 100;w=60".
        var first = value.Split(',', ';')[0].Trim();
        if (long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number;
        problems.Add($"{name}: {Quote(value)} is not a whole number");
        return null;
    }

    [GeneratedRegex("""^\s*(?:"(?<name>[^"]*)"|(?<name>[A-Za-z*][A-Za-z0-9_\-.:%*/]*))(?<params>(?:\s*;\s*[a-z*][a-z0-9_\-.*]*(?:=(?:"[^"]*"|[^;,\s]*))?)*)\s*$""")]
    private static partial Regex StructuredItem();

    [GeneratedRegex(""";\s*(?<key>[a-z*][a-z0-9_\-.*]*)(?:=(?<value>"[^"]*"|[^;,\s]*))?""")]
    private static partial Regex StructuredParameter();

    /// <summary>The parameters of the first member of an RFC 9651 list (enough for RateLimit and RateLimit-Policy).</summary>
    private static Dictionary<string, string>? FirstItem(string field, List<string> problems, string header)
    {
        var first = SplitList(field).FirstOrDefault() ?? "";
        var match = StructuredItem().Match(first);
        if (!match.Success)
        {
            problems.Add($"{header}: {Quote(field)} is not a structured-field list item");
            return null;
        }
        return StructuredParameter().Matches(match.Groups["params"].Value)
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value.Trim('"'));
    }

    private static IEnumerable<string> SplitList(string field)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '"') quoted = !quoted;
            else if (field[i] == ',' && !quoted)
            {
                yield return field[start..i];
                start = i + 1;
            }
        }
        yield return field[start..];
    }

    private static string Quote(string raw) => raw.Length > 200 ? $"\"{raw[..200]}…\"" : $"\"{raw}\"";
}
