using System.Collections.Concurrent;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Keys;
using CrewPass.Conformance.Settings;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>One deployment the suites run against, with its settings, its client and what the preflight learnt.</summary>
public sealed class TargetUnderTest : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Exchange>>> _observations = new(StringComparer.Ordinal);
    private readonly Lazy<Task<TargetUnderTest?>> _writeSurface;

    /// <param name="writeSurface">The deployment to check the enabled v2 write surface on: this one, a companion, or none.</param>
    public TargetUnderTest(string name, HarnessSettings settings, ConformanceClient client, PreflightFacts facts,
        Func<TargetUnderTest, Task<TargetUnderTest?>> writeSurface)
    {
        Name = name;
        Settings = settings;
        Client = client;
        Facts = facts;
        // The preflight already asked /partners/me with each key as Bearer: those answers are the shared observations.
        foreach (var (keySetting, answer) in facts.Answers)
            _observations[ObservationKey(ContractDefaults.MePath, keySetting, Presentation.Bearer)] = new Lazy<Task<Exchange>>(Task.FromResult(answer));
        _writeSurface = new Lazy<Task<TargetUnderTest?>>(() => writeSurface(this));
    }

    public string Name { get; }
    public HarnessSettings Settings { get; }
    public ConformanceClient Client { get; }
    public PreflightFacts Facts { get; }

    /// <summary>
    /// Where SIG-02 to SIG-08 run: this target when its WriteSurface is enabled; for the embedded reference, a second
    /// instance with the surface enabled (started on first use); otherwise none, and those clauses are not applicable.
    /// </summary>
    public Task<TargetUnderTest?> WriteSurfaceAsync() => _writeSurface.Value;

    private readonly Dictionary<Holds, ReaderWriterLockSlim> _resources =
        new[] { Holds.PartnerBudget, Holds.RateLimitBudget, Holds.TestView, Holds.WriteSurfaceTestView }.ToDictionary(r => r, _ => new ReaderWriterLockSlim());

    /// <summary>
    /// Holds what a check declared: <paramref name="alone"/> exclusively, <paramref name="reads"/> shared, always in the
    /// same order. Without a RateLimitKey partner the rate-limit budget is the main partner's; a target that serves its
    /// own writes has one test view, which its write probes change.
    /// </summary>
    public IDisposable Hold(Holds alone, Holds reads)
    {
        Holds Resource(Holds r) => r switch
        {
            Holds.RateLimitBudget when Settings.RateLimitKey is null => Holds.PartnerBudget,
            Holds.WriteSurfaceTestView when Settings.WriteSurfaceEnabled => Holds.TestView,
            _ => r,
        };
        var locks = _resources.Keys.Where(r => (alone | reads).HasFlag(r)).GroupBy(Resource)
            .OrderBy(g => g.Key)
            .Select(g => (Lock: _resources[g.Key], Alone: g.Any(r => alone.HasFlag(r))))
            .ToArray();
        foreach (var (gate, exclusive) in locks)
            if (exclusive) gate.EnterWriteLock(); else gate.EnterReadLock();
        return new Release(() =>
        {
            foreach (var (gate, exclusive) in locks.Reverse())
                if (exclusive) gate.ExitWriteLock(); else gate.ExitReadLock();
        });
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    /// <summary>
    /// A plain keyed GET, sent once per target and shared by every check that only reads it
    /// (identity, data, schemas, caching), so a run spends no more of the partner's budget than it needs.
    /// </summary>
    public Task<Exchange> ObserveAsync(string path, string keySetting, Presentation presentation = Presentation.Bearer) =>
        ShareAsync(ObservationKey(path, keySetting, presentation), () =>
        {
            var key = Settings[keySetting] ?? throw new InvalidOperationException($"{keySetting} is not set");
            return Client.GetAsync(path, r => presentation == Presentation.ApiKeyHeader ? r.WithApiKeyHeader(key) : r.WithBearer(key));
        });

    /// <summary>
    /// Sends these shared observations now, on a thread of their own that holds the budgets their keys spend
    /// (<see cref="KeyUse.Spends"/>) shared until every one is answered, so the checks that count or exhaust it wait for
    /// them: a check that reaches one later finds it answered or on its way, instead of holding one of NUnit's workers
    /// through a small budget's windows. Each request counts for the clause named with it. A failed observation is
    /// reported by the checks that read it.
    /// </summary>
    public void ObserveAhead(IReadOnlyCollection<(string Path, KeyUse Key, string Clause)> reads)
    {
        if (reads.Count == 0) return;
        // A read that spends no small budget still spends the main partner's, which RATE-02 to RATE-04 count.
        var budget = reads.Aggregate(Holds.Nothing, (holds, read) => holds | read.Key.Spends);
        if (budget == Holds.Nothing) budget = Holds.PartnerBudget;
        Ahead("observe ahead", budget, reads.Select(r => (r.Clause, (Func<Task<Exchange>>)(() => ObserveAsync(r.Path, r.Key.Setting, r.Key.Presentation)))));
    }

    /// <summary>
    /// Sends these refusal probes now, on a thread of their own: a refused credential spends no partner's budget, so
    /// nothing waits for them but the checks that judge them, which find them answered or on their way.
    /// </summary>
    public void SendAhead(IReadOnlyCollection<(RefusalProbe Probe, string Clause)> probes)
    {
        if (probes.Count == 0) return;
        Ahead("send ahead", Holds.Nothing, probes.Select(p => (p.Clause, (Func<Task<Exchange>>)(() => ShareAsync(p.Probe.Key, () => Client.SendAsync(p.Probe.Request))))));
    }

    /// <summary>
    /// Starts the sends on a thread of their own, each counted for its clause, holding <paramref name="budget"/> shared
    /// until every one is answered (a ReaderWriterLockSlim: entered and left on that one thread). Nothing they throw
    /// escapes: each check that reads a failed answer reports it, with its exchange.
    /// </summary>
    private void Ahead(string what, Holds budget, IEnumerable<(string Clause, Func<Task<Exchange>> Send)> sends)
    {
        var thread = new Thread(() =>
        {
            HarnessHandler.SentAhead.Value = true;
            using (Hold(Holds.Nothing, budget))
            {
                var answers = sends.Select(s =>
                {
                    using (RequestLedger.For(s.Clause)) return Started(s.Send);
                }).ToArray();
                try { Task.WhenAll(answers).GetAwaiter().GetResult(); }
                catch (Exception) { /* reported by the checks that read them */ }
            }
        });
        thread.IsBackground = true;
        thread.Name = $"{what}: {Name}";
        thread.Start();
    }

    private static Task Started(Func<Task<Exchange>> send)
    {
        try
        {
            return send();
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    private static string ObservationKey(string path, string keySetting, Presentation presentation) => $"{path} {keySetting} {presentation}";

    /// <summary>One request per target for every check that judges the same answer (a refusal is judged by KEY-01, KEY-02 and KEY-03 alike).</summary>
    public Task<Exchange> ShareAsync(string what, Func<Task<Exchange>> send) =>
        _observations.GetOrAdd(what, _ => new Lazy<Task<Exchange>>(send)).Value;

    /// <summary>
    /// The test key's vessel list as last read by WRITE-01, which holds the test view alone and is the only check that
    /// writes to this target's view: the next WRITE-01 probe starts from it instead of reading it again.
    /// </summary>
    public Exchange? LastTestView { get; set; }

    public override string ToString() => Name;

    public void Dispose()
    {
        if (_writeSurface.IsValueCreated && _writeSurface.Value.IsCompletedSuccessfully && _writeSurface.Value.Result is { } companion && companion != this)
            companion.Dispose();
        Client.Dispose();
        foreach (var gate in _resources.Values) gate.Dispose();
    }
}
