using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace CrewPass.Reference;

/// <summary>
/// "Calls are still rate-limited per partner": one fixed-window budget per partner, shared by its live and test keys
/// and both header forms. Counting is System.Threading.RateLimiting's; the window follows the reference's TimeProvider.
/// </summary>
public sealed class PartnerRateLimits(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Budget> _budgets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requestsByKey = new(StringComparer.Ordinal);

    /// <summary>How many authenticated requests each key made: what a harness run cost each budget.</summary>
    public int RequestsWith(string key) => _requestsByKey.GetValueOrDefault(key);

    public void Count(string key) => _requestsByKey.AddOrUpdate(key, 1, (_, n) => n + 1);

    private readonly ConcurrentDictionary<string, int> _throttledByKey = new(StringComparer.Ordinal);

    /// <summary>How many of them were answered 429: a run that fits its partner's budget has none outside the exhaustion checks.</summary>
    public int ThrottledWith(string key) => _throttledByKey.GetValueOrDefault(key);

    public void CountThrottled(string key) => _throttledByKey.AddOrUpdate(key, 1, (_, n) => n + 1);

    public RateDecision Acquire(string budgetKey, int limit, TimeSpan window, TimeSpan extraBlock = default)
    {
        var budget = _budgets.GetOrAdd(budgetKey, _ => new Budget(limit));
        lock (budget)
        {
            var now = clock.GetUtcNow();
            if (budget.WindowEnds is null || now >= budget.WindowEnds + (budget.Exhausted ? extraBlock : TimeSpan.Zero))
            {
                budget.Limiter.TryReplenish();
                budget.WindowEnds = now + window;
                budget.Exhausted = false;
            }
            using var lease = budget.Limiter.AttemptAcquire();
            var remaining = (int)budget.Limiter.GetStatistics()!.CurrentAvailablePermits;
            if (!lease.IsAcquired) budget.Exhausted = true;
            var resetAt = budget.WindowEnds.Value;
            return new RateDecision(lease.IsAcquired, limit, remaining, resetAt - now, window, resetAt);
        }
    }

    private sealed class Budget(int limit)
    {
        public FixedWindowRateLimiter Limiter { get; } = new(new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            // The window is rolled by Acquire, on the reference's own clock; the limiter's own window is only the
            // least time between two replenishments, so TryReplenish always refills when Acquire asks.
            Window = TimeSpan.FromTicks(1),
            QueueLimit = 0,
            AutoReplenishment = false,
        });

        public DateTimeOffset? WindowEnds { get; set; }
        public bool Exhausted { get; set; }
    }
}
