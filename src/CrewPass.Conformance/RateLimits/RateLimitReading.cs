namespace CrewPass.Conformance.RateLimits;

/// <summary>A response's rate-limit state, normalised: the limit, what remains, and seconds until the reset.</summary>
public sealed record RateLimitReading(RateLimitConvention Convention, long Limit, long Remaining, double ResetSeconds, string Raw)
{
    public override string ToString() => $"limit {Limit}, remaining {Remaining}, reset in {ResetSeconds:0.#} s ({Raw})";
}
