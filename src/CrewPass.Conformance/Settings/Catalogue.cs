namespace CrewPass.Conformance.Settings;

/// <summary>What a read answers with: a list (<c>{"data": [...]}</c>) or one object.</summary>
public enum BodyShape { List, Object }

/// <summary>A catalogued read endpoint (CONTRACT.md, "The catalogue of endpoints"), or a profile's row.</summary>
public sealed record Endpoint(string Method, string Path, string? Scope, string Schema, BodyShape Shape)
{
    /// <summary>Every schema a success body must match: the catalogue's own, and one a profile row adds to it.</summary>
    public IReadOnlyList<string> Schemas { get; init; } = [Schema];

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A documented mutating operation of the v2 write surface; <c>Schema</c> is its 201 body's (HTTP-01), when known.</summary>
public sealed record WriteOperation(string Name, string Method, string Path, string Body, string? Schema = null);

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
