namespace CrewPass.Conformance.RateLimits;

/// <summary>A reading, or the problem with the headers, quoting them. Malformed headers are a finding, never an exception.</summary>
public sealed record RateLimitRead(RateLimitReading? Reading, string? Problem)
{
    public bool Ok => Reading is not null && Problem is null;
}
