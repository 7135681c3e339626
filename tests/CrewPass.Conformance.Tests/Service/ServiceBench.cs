using System.Diagnostics;
using System.Globalization;
using System.Net;
using CrewPass.Conformance.Service;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// bench/run.sh --service: N concurrent sessions (SERVICE_BENCH_SESSIONS, default 50), each running the Python sample
/// through every scenario, on one instance with SQLite and on two with PostgreSQL (scenarios alternating between
/// them). Prints each session's wall time, the sandbox's answer times (recorded, scenario plays excluded) and each
/// judgement's time (on the service: claim to verdict stored, the PDF printed after). Explicit: a measurement, not a
/// check CI runs.
/// </summary>
[Explicit("a measurement: bench/run.sh --service")]
public sealed class ServiceBench
{
    [TestCase(HostedSandboxTests.Storage.Sqlite)]
    [TestCase(HostedSandboxTests.Storage.Postgres)]
    public async Task Concurrent_sessions_each_running_the_sample_through_every_scenario(
        HostedSandboxTests.Storage storage)
    {
        var sessions = int.TryParse(Environment.GetEnvironmentVariable("SERVICE_BENCH_SESSIONS"), out var n) ? n : 50;
        var folder = Scratch.NewFolder("bench");
        var database = storage == HostedSandboxTests.Storage.Postgres ? await Postgres.NewDatabaseAsync() : null;
        var data = Path.Combine(folder, "data");
        await using var a = await ServiceProcess.StartAsync(data, database);
        await using var b = database is null ? null : await ServiceProcess.StartAsync(data, database);
        var store = CertificationStore.Open(data, database);
        var instances = b is null ? new[] { a } : [a, b];
        var runs = await Task.WhenAll(Enumerable.Range(0, sessions).Select(i =>
            SessionAsync(store, instances, Path.Combine(folder, $"s{i}"))));
        var answers = AnswerTimes(store, runs.Select(r => r.Session));
        var line = $"| {storage} | {instances.Length} | {sessions} | {Stat(runs.Select(r => r.Wall))} | " +
                   $"{Ms(Percentile(answers, 50))} | {Ms(Percentile(answers, 95))} | {answers.Count} | " +
                   $"{Stat(runs.Select(r => r.Judge))} | {runs.Count(r => r.Passed)}/{sessions} |";
        TestContext.Out.WriteLine("| storage | instances | sessions | session wall p50/p95/max | answer p50 | " +
                                  "answer p95 | answers | judgement p50/p95/max | judged passed |");
        TestContext.Out.WriteLine(line);
        var failures = runs.Where(r => !r.Passed).Select(r => $"  {storage} {r.Session}: {r.Why}").ToArray();
        foreach (var failure in failures) TestContext.Out.WriteLine(failure);
        if (Environment.GetEnvironmentVariable("SERVICE_BENCH_OUT") is { Length: > 0 } output)
            await File.AppendAllLinesAsync(output, [line, .. failures]);
        runs.Should().OnlyContain(r => r.Passed, "no cross-talk: every session judges clean on its own requests");
    }

    /// <param name="Why">For a session not judged clean: each check that did not pass, and its message's start.</param>
    private sealed record Run(string Session, TimeSpan Wall, TimeSpan Judge, bool Passed, string Why);

    /// <summary>One partner's session: invited, every scenario run (alternating instances), judged.</summary>
    private static async Task<Run> SessionAsync(CertificationStore store, ServiceProcess[] instances, string folder)
    {
        var cookies = new CookieContainer();
        var partners = instances.Select(i => new HostedPartner(i.Url, cookies)).ToArray();
        var started = Stopwatch.StartNew();
        var invitation = store.Invite("Bench " + Guid.NewGuid().ToString("N")[..8]);
        var scenarios = HostedPartner.Scenarios(await partners[0].StartAsync(invitation, "bench client"));
        var ports = instances.Select(i => i.SandboxPort).ToArray();
        for (var s = 0; s < scenarios.Length; s++)
        {
            var port = ports[s % ports.Length];
            partners[s % partners.Length].Session = partners[0].Session;
            var into = Path.Combine(folder, scenarios[s]);
            await partners[s % partners.Length].RunSampleAsync(scenarios[s], into, environment =>
            {
                if (ports.Contains(new Uri(environment["CREWPASS_BASE_URL"]).Port))
                    environment["CREWPASS_BASE_URL"] = $"https://127.0.0.1:{port}";
                return environment;
            });
        }
        var wall = started.Elapsed;
        var page = await partners[^1].JudgeAsync();
        var judge = store.JudgedIn(partners[0].SessionId)!.Value;
        var passed = page.Contains("class=\"passed\"", StringComparison.Ordinal);
        var why = passed ? "" : Unpassed(await partners[0].Http.GetStringAsync($"{partners[0].Session}/report.json"));
        foreach (var partner in partners) partner.Dispose();
        return new Run(partners[0].SessionId, wall, judge, passed, why);
    }

    private static string Unpassed(string report) => string.Join("; ", System.Text.Json.Nodes.JsonNode.Parse(report)!
        ["targets"]!.AsArray().SelectMany(t => t!["clauses"]!.AsArray()).SelectMany(c => c!["checks"]!.AsArray())
        .Where(c => c!["outcome"]!.GetValue<string>() is not ("passed" or "not applicable"))
        .Select(c => $"{c!["name"]} {c["outcome"]}: " +
                     new string(c["message"]?.GetValue<string>().Take(400).ToArray())));

    /// <summary>
    /// Recorded answer times, arrival to answer; the scenario's own plays (throttled, dropped) left out.
    /// </summary>
    private static List<TimeSpan> AnswerTimes(CertificationStore store, IEnumerable<string> sessions)
    {
        var sandbox = new SandboxStore(store.Database);
        return sessions.SelectMany(s => sandbox.Requests(s))
            .Where(r => r.Exchange.Answer is { Dropped: false, At: not null, Status: not 429 })
            .Select(r => r.Exchange.Answer.At!.Value - r.Exchange.ArrivedAt).Order().ToList();
    }

    private static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, int p) =>
        sorted.Count == 0 ? TimeSpan.Zero
            : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    private static string Stat(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return $"{Seconds(Percentile(sorted, 50))} / {Seconds(Percentile(sorted, 95))} / {Seconds(sorted[^1])} s";
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
