using System.Collections.Concurrent;

namespace CrewPass.Conformance.Http;

/// <summary>Counts every HTTP request the run sends, per clause of the check that sent it.</summary>
public static class RequestLedger
{
    private static readonly AsyncLocal<string?> Clause = new();
    private static readonly ConcurrentDictionary<string, int> ByClause = new(StringComparer.Ordinal);
    private static int _total;
    private static int _inFlight;
    private static int _peakInFlight;
    private static long _waitTicks;

    /// <summary>Time spent waiting out 429s outside the rate-limit checks.</summary>
    public static TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitTicks));

    public static void RecordWait(TimeSpan wait) => Interlocked.Add(ref _waitTicks, wait.Ticks);

    public const string Harness = "(harness)";

    public static int Total => Volatile.Read(ref _total);

    /// <summary>The most requests the run had in flight at once, across its targets.</summary>
    public static int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>A request is on the wire until <see cref="Leave"/>.</summary>
    public static void Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        for (var peak = Volatile.Read(ref _peakInFlight); now > peak; peak = Volatile.Read(ref _peakInFlight))
            if (Interlocked.CompareExchange(ref _peakInFlight, now, peak) == peak) break;
    }

    public static void Leave() => Interlocked.Decrement(ref _inFlight);

    public static IReadOnlyDictionary<string, int> PerClause => new SortedDictionary<string, int>(ByClause, StringComparer.Ordinal);

    /// <summary>Attributes the requests of the current async flow to a clause.</summary>
    public static IDisposable For(string clause)
    {
        var previous = Clause.Value;
        Clause.Value = clause;
        return new Restore(() => Clause.Value = previous);
    }

    public static void Record()
    {
        Interlocked.Increment(ref _total);
        ByClause.AddOrUpdate(Clause.Value ?? Harness, 1, (_, n) => n + 1);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
