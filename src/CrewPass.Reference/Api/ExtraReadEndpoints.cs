namespace CrewPass.Reference;

/// <summary>
/// Two more read endpoints, the kind a deployment adds and declares in its profile: the employer itself (one object)
/// and its crew (a list). Each needs vessels:read and answers in the key's mode, never with another partner's data.
/// </summary>
public static class ExtraReadEndpoints
{
    public const string EmployerPath = "/api/v2/employers/me";
    public const string CrewPath = "/api/v2/employers/me/crew";

    /// <summary>The N further reads of a deployment at scale (ReferenceOptions.ExtraEndpoints): odd ones lists, even ones objects.</summary>
    public static string ScalePath(int i) => $"/api/v2/scale/{i}";

    /// <summary>
    /// The profile rows that declare the scale endpoints, schemas given as paths under <paramref name="schemaDirectory"/>
    /// (the employer and crew-list schemas of fixtures/profiles fit their bodies).
    /// </summary>
    public static string ProfileRows(int count, string schemaDirectory) => System.Text.Json.JsonSerializer.Serialize(Enumerable.Range(1, count).Select(i => new
    {
        method = "GET",
        path = ScalePath(i),
        scope = VesselEndpoints.ReadScope,
        schema = Path.Combine(schemaDirectory, i % 2 == 1 ? "crew-list.schema.json" : "employer.schema.json"),
        shape = i % 2 == 1 ? "list" : "object",
    }));

    public static IEndpointRouteBuilder MapExtraReads(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<ReferenceOptions>();
        for (var n = 1; n <= options.ExtraEndpoints; n++)
        {
            var i = n;
            app.MapGet(ScalePath(i), (HttpContext context) => i % 2 == 1
                ? ReadView.Serve(context, (partner, livemode) => Enumerable.Range(1, 2).Select(k => Item(partner, livemode, $"sc{i}_{k}", $"sc{i}_{k} of {partner.Name}")).ToArray(), list: true)
                : ReadView.Serve(context, (partner, livemode) => [Item(partner, livemode, $"sc{i}", $"sc{i} of {partner.Name}")], list: false));
        }
        if (!options.ExtraReads) return app;
        app.MapGet(EmployerPath, (HttpContext context) =>
            ReadView.Serve(context, (partner, livemode) => [Item(partner, livemode, "emp", partner.Name)], list: false));
        app.MapGet(CrewPath, (HttpContext context) => ReadView.Serve(context, (partner, livemode) =>
            Enumerable.Range(1, 3).Select(i => Item(partner, livemode, $"crm_{i}", $"Crew member {i}")).ToArray(), list: true));
        return app;
    }

    /// <summary>One item of a further read: an id unique to the partner, the mode and the kind of item.</summary>
    private static Dictionary<string, object> Item(Partner partner, bool livemode, string kind, string name) => new()
    {
        ["id"] = $"{kind}_{partner.Id[4..]}_{(livemode ? "live" : "test")}",
        ["name"] = name,
        ["livemode"] = livemode,
    };
}
