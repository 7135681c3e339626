using System.Threading.RateLimiting;

namespace CrewPass.Reference;

/// <summary>One decision of the limiter: whether the request may go on, and what to tell the caller.</summary>
public sealed record RateDecision(bool Allowed, int Limit, int Remaining, TimeSpan ResetIn, TimeSpan Window, DateTimeOffset ResetAt);
