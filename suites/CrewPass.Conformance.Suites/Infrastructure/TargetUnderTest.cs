using System.Collections.Concurrent;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Keys;
using CrewPass.Conformance.Settings;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>One deployment the suites run against, with its settings, its client and what the preflight learnt.</summary>
public sealed class TargetUnderTest(string name, HarnessSettings settings, ConformanceClient client, PreflightFacts facts) : IDisposable
{
    private readonly ConcurrentDictionary<(string, string, Presentation), Lazy<Task<Exchange>>> _observations = new();

    public string Name { get; } = name;
    public HarnessSettings Settings { get; } = settings;
    public ConformanceClient Client { get; } = client;
    public PreflightFacts Facts { get; } = facts;

    /// <summary>
    /// Rate-limit checks read the partner's budget request by request, so while one runs nothing else may spend it:
    /// they hold this exclusively, every other check holds it shared.
    /// </summary>
    public ReaderWriterLockSlim BudgetGate { get; } = new();

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
        Client.Dispose();
        BudgetGate.Dispose();
    }
}
