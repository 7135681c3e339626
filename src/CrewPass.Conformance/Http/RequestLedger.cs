using System.Collections.Concurrent;

namespace CrewPass.Conformance.Http;

/// <summary>Counts every HTTP request the run sends, per clause of the check that sent it.</summary>
public static class RequestLedger
{
    private static readonly AsyncLocal<string?> Clause = new();
    private static readonly ConcurrentDictionary<string, int> ByClause = new(StringComparer.Ordinal);
    private static int _total;
    private static long _waitTicks;

    /// <summary>Time spent waiting out 429s outside the rate-limit checks.</summary>
    public static TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitTicks));

    public static void RecordWait(TimeSpan wait) => Interlocked.Add(ref _waitTicks, wait.Ticks);

    public const string Harness = "(harness)";

    public static int Total => Volatile.Read(ref _total);

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
