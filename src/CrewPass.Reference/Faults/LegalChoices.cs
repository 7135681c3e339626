namespace CrewPass.Reference;

/// <summary>
/// Choices the page leaves open and a conforming deployment may make otherwise than the reference does by default.
/// Each is off by default; the legal-variation matrix runs the suites against every one and requires no failure,
/// so a check that fails an honest deployment for a legal choice is caught like a missed fault.
/// </summary>
public enum LegalChoice
{
    [Choice("Retry-After as an HTTP-date (RFC 9110 §10.2.3) instead of delay-seconds")]
    RetryAfterAsDate,

    [Choice("X-RateLimit-Reset as an epoch second instead of seconds until the reset")]
    ResetAsEpochSecond,

    [Choice("a front proxy with nginx's 8 KiB header limit answers 431 before the API sees the request")]
    HeaderLimit8K,

    [Choice("hourly rate-limit windows: a spent budget's Retry-After is up to an hour")]
    HourlyWindow,

    [Choice("errors as {\"code\", \"message\"} at the top level, declared by the profile's ErrorSchema and ErrorCodePointer")]
    FlatErrors,

    [Choice("an HTTP/1.1 front end 100 ms away that closes every connection (Connection: close)")]
    ClosedConnectionsWithLatency,
}

[AttributeUsage(AttributeTargets.Field)]
public sealed class ChoiceAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}

public sealed record ChoiceInfo(LegalChoice Choice, string Name, string Description);

public static class LegalChoices
{
    public static IReadOnlyList<ChoiceInfo> All { get; } = Enum.GetValues<LegalChoice>().Select(c => new ChoiceInfo(c, FaultCatalogue.KebabName(c.ToString()),
        typeof(LegalChoice).GetField(c.ToString())!.GetCustomAttributes(typeof(ChoiceAttribute), false).Cast<ChoiceAttribute>().Single().Description)).ToArray();

    public static bool TryParse(string name, out LegalChoice choice)
    {
        var match = All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        choice = match?.Choice ?? default;
        return match is not null;
    }
}
