using System.Collections.Concurrent;

namespace CrewPass.Conformance.Http;

/// <summary>Counts every HTTP request the run sends, per clause of the check that sent it.</summary>
public static class RequestLedger
{
    private static readonly AsyncLocal<string?> Clause = new();
    private static readonly ConcurrentDictionary<string, int> ByClause = new(StringComparer.Ordinal);
    private static int _total;

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
