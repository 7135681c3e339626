using System.Collections.Concurrent;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Keys;
using CrewPass.Conformance.Settings;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>One deployment the suites run against, with its settings, its client and what the preflight learnt.</summary>
public sealed class TargetUnderTest : IDisposable
{
    private readonly ConcurrentDictionary<(string, string, Presentation), Lazy<Task<Exchange>>> _observations = new();
    private readonly Lazy<Task<TargetUnderTest?>> _writeSurface;

    /// <param name="writeSurface">The deployment to check the enabled v2 write surface on: this one, a companion, or none.</param>
    public TargetUnderTest(string name, HarnessSettings settings, ConformanceClient client, PreflightFacts facts,
        Func<TargetUnderTest, Task<TargetUnderTest?>> writeSurface)
    {
        Name = name;
        Settings = settings;
        Client = client;
        Facts = facts;
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

    /// <summary>
    /// Rate-limit checks read the partner's budget request by request, so while one runs nothing else may spend it:
    /// they hold this exclusively, every other check holds it shared.
    /// </summary>
    public ReaderWriterLockSlim BudgetGate { get; } = new();

    /// <summary>The dedicated rate-limit partner's budget (RateLimitKey): only the rate checks that use it hold it.</summary>
    public ReaderWriterLockSlim RateLimitKeyGate { get; } = new();

    /// <summary>
    /// Which budget (or data) a check must hold, and whether alone: RATE-03 and RATE-04 read the main partner's budget;
    /// RATE-02, RATE-05 and RATE-06 read the dedicated RateLimitKey partner's when there is one (nothing else spends it,
    /// so the other checks run on meanwhile), else the main partner's. Every other check only spends, shared.
    /// </summary>
    public (ReaderWriterLockSlim Gate, bool Exclusive) GateFor(string clause) => clause switch
    {
        "RATE-02" or "RATE-05" or "RATE-06" when Settings["RateLimitKey"] is not null => (RateLimitKeyGate, true),
        "RATE-02" or "RATE-03" or "RATE-04" or "RATE-05" or "RATE-06" => (BudgetGate, true),
        "WRITE-01" when Settings["RateLimitKey"] is not null => (RateLimitKeyGate, false),
        // Vessel-attach adds to the test view that other checks compare; on a deployment whose write surface is its
        // own (not the embedded companion), nothing may read that view while it changes.
        "SIG-02" or "SIG-03" => (BudgetGate, true),
        _ => (BudgetGate, false),
    };

    /// <summary>
    /// A plain keyed GET, sent once per target and shared by every check that only reads it
    /// (identity, data, schemas, caching), so a run spends no more of the partner's budget than it needs.
    /// </summary>
    public Task<Exchange> ObserveAsync(string path, string keySetting, Presentation presentation = Presentation.Bearer) =>
        _observations.GetOrAdd((path, keySetting, presentation), _ => new Lazy<Task<Exchange>>(() =>
        {
            var key = Settings[keySetting] ?? throw new InvalidOperationException($"{keySetting} is not set");
            return Client.GetAsync(path, r => presentation == Presentation.ApiKeyHeader ? r.WithApiKeyHeader(key) : r.WithBearer(key));
        })).Value;

    public override string ToString() => Name;

    public void Dispose()
    {
        if (_writeSurface.IsValueCreated && _writeSurface.Value.IsCompletedSuccessfully && _writeSurface.Value.Result is { } companion && companion != this)
            companion.Dispose();
        Client.Dispose();
        BudgetGate.Dispose();
        RateLimitKeyGate.Dispose();
    }
}
