namespace CrewPass.Reference;

/// <summary>How the reference keeps and reports a partner's budget. The defaults are the contract's.</summary>
public sealed record LimiterRules
{
    public Budget Budget { get; init; } = Budget.PerPartner;

    /// <summary>A spent budget stays blocked this long past the reset Retry-After names.</summary>
    public TimeSpan BlockedPastReset { get; init; } = TimeSpan.Zero;

    public bool ThrottlesUnlistedPlan { get; init; }
    public bool HeadersOnScopeRefusal { get; init; } = true;
    public bool HeadersOnFaultPath { get; init; } = true;
    public bool HeadersOn429 { get; init; } = true;
    public bool RetryAfter { get; init; } = true;
    public int RetryAfterExtraSeconds { get; init; }
    public string ThrottledCode { get; init; } = "rate_limited";
    public bool ThrottledMessage { get; init; } = true;
    public int RemainingOffset { get; init; }
    public bool RemainingFrozen { get; init; }
    public bool ResetInMilliseconds { get; init; }
}
