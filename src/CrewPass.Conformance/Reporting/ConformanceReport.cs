using System.Reflection;
using System.Text.Json.Serialization;

namespace CrewPass.Conformance.Reporting;

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
