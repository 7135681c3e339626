using System.Text.Json.Serialization;

namespace CrewPass.Conformance.Reporting;

/// <summary>
/// How a check ended, and a clause's status. Declared in precedence order: a clause shows the first outcome any of its
/// checks has, so one failure outweighs every pass. Its names in the report are the <c>JsonStringEnumMemberName</c>s.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Outcome>))]
public enum Outcome
{
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>The harness itself failed inside a check (an exception that is no assertion): no verdict; the gate fails.</summary>
    [JsonStringEnumMemberName("harness error")] HarnessError,

    /// <summary>No answer came (after retries for reads): no verdict; the gate still fails.</summary>
    [JsonStringEnumMemberName("transport error")] TransportError,

    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("known deviation")] KnownDeviation,

    /// <summary>The answers prove nothing about the clause (a refused read, a 429): no verdict, the exchange attached.</summary>
    [JsonStringEnumMemberName("inconclusive")] Inconclusive,

    [JsonStringEnumMemberName("skipped")] Skipped,
    [JsonStringEnumMemberName("passed")] Passed,
    [JsonStringEnumMemberName("not applicable")] NotApplicable,

    /// <summary>A clause's status only: no check of the harness covers it yet.</summary>
    [JsonStringEnumMemberName("not yet covered")] NotYetCovered,

    /// <summary>A clause's status only: none of its checks ran in this run.</summary>
    [JsonStringEnumMemberName("no checks ran")] NoChecksRan,
}
