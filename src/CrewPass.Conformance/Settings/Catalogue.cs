namespace CrewPass.Conformance.Settings;

/// <summary>A catalogued read endpoint (CONTRACT.md, "The catalogue of endpoints").</summary>
public sealed record Endpoint(string Method, string Path, string? Scope, string Schema)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A documented mutating operation of the v2 write surface.</summary>
public sealed record WriteOperation(string Name, string Method, string Path, string Body);

public static class ContractDefaults
{
    public const string MePath = "/api/v2/partners/me";
    public const string VesselListPath = "/api/v2/employers/me/vessels";

    public static IReadOnlyList<Endpoint> Endpoints { get; } =
    [
        new("GET", MePath, null, "partner.schema.json"),
        new("GET", VesselListPath, "vessels:read", "vessel-list.schema.json"),
    ];

    public static IReadOnlyList<WriteOperation> WriteOperations { get; } =
    [
        new("vessel-attach", "POST", "/api/v2/employers/me/vessels/attach", """{"imo_number":"9074729","name":"Conformance Probe"}"""),
        new("crew-placement", "POST", "/api/v2/crew-placements", """{"vessel_id":"ves_conformance","crew_member_id":"crm_conformance","starts_on":"2027-01-01"}"""),
        new("background-check", "POST", "/api/v2/background-checks", """{"crew_member_id":"crm_conformance","check_type":"sanctions"}"""),
    ];
}
