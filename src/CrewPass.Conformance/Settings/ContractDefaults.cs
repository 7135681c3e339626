namespace CrewPass.Conformance.Settings;

public static class ContractDefaults
{
    public const string MePath = "/api/v2/partners/me";
    public const string VesselListPath = "/api/v2/employers/me/vessels";

    public static IReadOnlyList<Endpoint> Endpoints { get; } =
    [
        new("GET", MePath, null, "partner.schema.json", BodyShape.Object),
        new("GET", VesselListPath, "vessels:read", "vessel-list.schema.json", BodyShape.List),
    ];

    public static IReadOnlyList<WriteOperation> WriteOperations { get; } =
    [
        new("vessel-attach", "POST", "/api/v2/employers/me/vessels/attach", """{"imo_number":"9074729","name":"Conformance Probe"}""", "vessel.schema.json"),
        new("crew-placement", "POST", "/api/v2/crew-placements", """{"vessel_id":"ves_conformance","crew_member_id":"crm_conformance","starts_on":"2027-01-01"}""", "crew-placement.schema.json"),
        new("background-check", "POST", "/api/v2/background-checks", """{"crew_member_id":"crm_conformance","check_type":"sanctions"}""", "background-check.schema.json"),
    ];
}
