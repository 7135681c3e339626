namespace CrewPass.Conformance.Settings;

/// <summary>The bounds of the whole-number settings, each derived from CONTRACT.md (<see cref="Bound.Why"/>).</summary>
public static class Bounds
{
    /// <summary>A refusal's status is a 4xx: a 2xx would be served, a 5xx a crash, and 429 is the rate limit's own status.</summary>
    public static Bound Refusal { get; } = new(400, 499, "a refusal is a 4xx other than the rate limit's 429", 429);

    /// <summary>
    /// KEY-01 exempts header lines that reach the target's header limit, for the 8 KiB key alone: a smaller limit would
    /// exempt ordinary credentials too, and with them KEY-01's code and KEY-02 entirely.
    /// </summary>
    public static Bound LongKeyBytes { get; } = new(8192, 1 << 20, "the exemption is for the 8 KiB key's header line; a smaller limit would exempt ordinary credentials from KEY-01 and KEY-02");

    /// <summary>RATE-05 skips a key whose limit is larger: fewer would skip a budget CONTRACT.md says is exhausted.</summary>
    public static Bound MaxExhaustionRequests { get; } = new(200, 100_000, "RATE-05 exhausts budgets of up to 200 requests (CONTRACT.md); fewer would skip it");

    /// <summary>RATE-05's recovery is a skip past it: CONTRACT.md's 60 s is the least wait a run makes.</summary>
    public static Bound MaxRecoveryWait { get; } = new(60, 86_400, "RATE-05 awaits recovery for at least 60 s (CONTRACT.md); less would skip it");

    /// <summary>
    /// SIG-06's probes sit at ±(300 − m) and ±(300 + m): m covers the Date header's second and a round trip, and a
    /// larger one would let a window of up to ±(300 + m) pass as ±300.
    /// </summary>
    public static Bound SkewMargin { get; } = new(1, 30, "the probes must land within ±330 s, or a wider window passes as ±300 (and m = 0 puts the outside probes on the edge)");

    public static Bound Positive { get; } = new(1, int.MaxValue, "at least 1");

    public static Bound Count { get; } = new(0, 10_000, "a count");
}
