using System.Reflection;
using System.Text.Json.Serialization;

namespace CrewPass.Conformance.Reporting;

/// <summary>The outcome names the report and its schema use, one word or phrase each.</summary>
public static class Outcomes
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Warning = "warning";
    public const string Skipped = "skipped";
    public const string NotApplicable = "not applicable";
    public const string KnownDeviation = "known deviation";
    public const string NotYetCovered = "not yet covered";

    /// <summary>The check could not be completed: no answer came (after retries for reads). Not a conformance verdict; the gate still fails.</summary>
    public const string TransportError = "transport error";

    /// <summary>The answers the check got prove nothing about its clause (a refused read, a 429): no verdict, the exchange attached.</summary>
    public const string Inconclusive = "inconclusive";

    /// <summary>The harness itself failed inside a check (an exception that is no assertion): not a verdict on the target; the gate fails.</summary>
    public const string HarnessError = "harness error";

    public static readonly string[] All = [Passed, Failed, Warning, Skipped, NotApplicable, KnownDeviation, TransportError, Inconclusive, HarnessError];
}

/// <summary>A clause's status from its checks' outcomes.</summary>
public static class ClauseStatus
{
    public const string NoChecksRan = "no checks ran";

    /// <summary>
    /// Passed only when a check passed and none ended otherwise: transport errors and inconclusive checks prove
    /// nothing, so a clause made only of them is reported as such, never as passed.
    /// </summary>
    public static string Of(IReadOnlyCollection<string> outcomes)
    {
        if (outcomes.Count == 0) return NoChecksRan;
        foreach (var outcome in new[] { Outcomes.Failed, Outcomes.HarnessError, Outcomes.TransportError, Outcomes.Warning, Outcomes.KnownDeviation, Outcomes.Inconclusive, Outcomes.Skipped })
            if (outcomes.Contains(outcome)) return outcome;
        return outcomes.All(o => o == Outcomes.NotApplicable) ? Outcomes.NotApplicable : Outcomes.Passed;
    }
}

/// <param name="Owner">An inconclusive check's precondition: the clause that judges it.</param>
/// <param name="NotJudged">The half of its clause the run could not show (a recording has no exit status).</param>
/// <param name="Needs">A check skipped for a missing setting: the setting to give it.</param>
public sealed record CheckReport(string Name, string Outcome, string Message, IReadOnlyList<string> Exchanges, string? Owner = null, string? NotJudged = null,
    string? Needs = null);

public sealed record ClauseReport(string Id, string Area, string Level, string Text, string Status, IReadOnlyList<CheckReport> Checks);

public sealed record TargetReport(
    string Name,
    string BaseUrl,
    string? PartnerId,
    IReadOnlyDictionary<string, string> KeyModes,
    IReadOnlyDictionary<string, string> Credentials,
    IReadOnlyDictionary<string, string> Profile,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts,
    IReadOnlyList<ClauseReport> Clauses,
    string Kind = TargetKinds.Deployment,
    string? ProfileSha256 = null,
    IReadOnlyDictionary<string, string>? ChangedSettings = null);

/// <summary>What a report entry judged: a deployment of the API, or a partner's client in the sandbox.</summary>
public static class TargetKinds
{
    public const string Deployment = "deployment";
    public const string Client = "client";
}

public sealed record RequestReport(int Total, IReadOnlyDictionary<string, int> PerClause, double WaitedSeconds, int MaxInFlight = 0, int PeakInFlight = 0);

public sealed record GateReport(string Verdict, string FailOn, bool Strict, IReadOnlyList<string> Reasons, int ExitCode = 0, string Meaning = "conformant");

/// <summary>
/// The exit-code contract every verb of the tool ends with, read from the report's gate: a CI can tell "staging is down"
/// (2) from "staging broke the contract" (1).
/// </summary>
public static class GateExitCodes
{
    public const int Conformant = 0;
    public const int NotConformant = 1;
    public const int CannotTest = 2;
    public const int TransportErrorsOnly = 3;
    public const int MustClauseUnanswered = 4;

    /// <summary>Every code, in order: README's table is generated from it.</summary>
    public static IReadOnlyList<int> All { get; } = [Conformant, NotConformant, CannotTest, TransportErrorsOnly, MustClauseUnanswered];

    public static string Meaning(int code) => code switch
    {
        Conformant => "conformant",
        NotConformant => "not conformant: a failure at the gate's level",
        CannotTest => "cannot test: settings, preflight, unreachable target, no test selected, or the harness failed",
        TransportErrorsOnly => "only transport errors stood between the run and a verdict",
        MustClauseUnanswered => "no verdict on a MUST clause: its checks were inconclusive, or none ran (a filter); never conformant",
        _ => "unknown",
    };
}

public sealed record CertificateReport(bool Requested, string? Path, IReadOnlyList<string> Blockers);

/// <summary>conformance-report.json: what was checked, against which target, by which harness, clause by clause, with evidence.</summary>
public sealed record ConformanceReport(
    HarnessInfo Harness,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    RequestReport Requests,
    GateReport Gate,
    IReadOnlyList<string> Problems,
    IReadOnlyList<TargetReport> Targets,
    IReadOnlyList<string> NotCovered,
    CertificateReport? Certificate,
    CertificateReport? ClientCertificate = null)
{
    [JsonPropertyName("$schema")]
    public string Schema => "https://crewpass.co.uk/schemas/conformance/report.schema.json";

    public static IReadOnlyList<string> NotCoverable { get; } =
    [
        "\"recorded in your audit log\": v1 has no audit endpoint, so no check can see it",
        "the webhook delivery signature: a separate scheme the page does not describe",
    ];
}

public sealed record HarnessInfo(string Name, string Version)
{
    /// <summary>The assembly's informational version: the package version and, when built from git, the commit.</summary>
    public static HarnessInfo Current { get; } = new("CrewPass.Conformance",
        typeof(HarnessInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
}
