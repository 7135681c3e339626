using CrewPass.Conformance.Reporting;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// Each bounded setting at its most lenient legal value, against the faults its checks catch: the faults are still
/// caught. One run holds them all (the settings are independent), filtered to the clauses they bound.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SettingBoundsTests
{
    /// <summary>The most lenient value of each bounded setting, and the faults its clause must still catch there.</summary>
    private static readonly (string Variable, string Value, string Clause, string[] Faults)[] Extremes =
    [
        ("CREWPASS_SKEW_MARGIN", "30", "SIG-06", ["six-hundred-second-window", "future-timestamps-unbounded"]),
        ("CREWPASS_LONG_KEY_BYTES", "8192", "KEY-01", ["key-compared-by-prefix", "server-error-on-long-key"]),
        ("CREWPASS_MAX_RECOVERY_WAIT", "60", "RATE-05", ["blocked-past-retry-after", "no-retry-after-on429"]),
        ("CREWPASS_MAX_EXHAUSTION_REQUESTS", "200", "RATE-05", ["rate-limited-wrong-code"]),
    ];

    private static readonly Lazy<Task<SuiteRunResult>> Run = new(() => SuiteRun.RunInOneProcessAsync("setting-extremes",
        Extremes.ToDictionary(e => e.Variable, e => e.Value).Concat(new Dictionary<string, string>
        {
            ["CREWPASS_EMBEDDED_FAULTS"] = string.Join(",", Extremes.SelectMany(e => e.Faults).Distinct()),
        }).ToDictionary(),
        SuiteRun.Clauses([.. Extremes.Select(e => e.Clause).Distinct(), "KEY-02"])));

    public static IEnumerable<TestCaseData> Cases() =>
        from e in Extremes
        from fault in e.Faults
        select new TestCaseData(e.Variable, e.Value, e.Clause, fault).SetArgDisplayNames(e.Variable, e.Value, fault);

    [TestCaseSource(nameof(Cases))]
    public async Task At_its_most_lenient_legal_value_the_setting_still_lets_its_clause_catch_the_fault(string variable, string value, string clause, string fault)
    {
        var run = await Run.Value;
        run.VerdictsOf($"embedded+{fault}").Where(v => v.Clause == clause && v.Outcome == Outcome.Failed)
            .Should().NotBeEmpty($"{variable}={value} must not let {fault} pass {clause}: {run.Describe()}");
    }

    [Test]
    public async Task The_faithful_reference_passes_at_those_values()
    {
        var run = await Run.Value;
        run.VerdictsOf("embedded").Should().NotBeEmpty()
            .And.OnlyContain(v => v.Outcome == Outcome.Passed, run.Describe());
    }
}
