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
            app.MapGet(ScalePath(i), (HttpContext context) => Scoped(context, caller => i % 2 == 1
                ? Results.Json(new { data = Enumerable.Range(1, 2).Select(k => Item(caller, $"sc{i}_{k}")) })
                : Results.Json(Item(caller, $"sc{i}"))));
        }
        if (!options.ExtraReads) return app;
        app.MapGet(EmployerPath, (HttpContext context) => Scoped(context, caller => Results.Json(new Dictionary<string, object>
        {
            ["id"] = $"emp_{caller.Partner.Id[4..]}_{Mode(caller)}",
            ["name"] = caller.Partner.Name,
            ["livemode"] = caller.Mode == KeyMode.Live,
        })));
        app.MapGet(CrewPath, (HttpContext context) => Scoped(context, caller => Results.Json(new
        {
            data = Enumerable.Range(1, 3).Select(i => new Dictionary<string, object>
            {
                ["id"] = $"crm_{caller.Partner.Id[4..]}_{Mode(caller)}_{i}",
                ["name"] = $"Crew member {i}",
                ["livemode"] = caller.Mode == KeyMode.Live,
            }),
        })));
        return app;
    }

    private static Dictionary<string, object> Item(Caller caller, string kind) => new()
    {
        ["id"] = $"{kind}_{caller.Partner.Id[4..]}_{Mode(caller)}",
        ["name"] = $"{kind} of {caller.Partner.Name}",
        ["livemode"] = caller.Mode == KeyMode.Live,
    };

    private static string Mode(Caller caller) => caller.Mode == KeyMode.Live ? "live" : "test";

    private static IResult Scoped(HttpContext context, Func<Caller, IResult> answer)
    {
        var caller = KeyAuthentication.CallerOf(context);
        return caller.Partner.Scopes.Contains(VesselEndpoints.ReadScope) ? answer(caller) : ApiErrors.InsufficientScope(context, VesselEndpoints.ReadScope);
    }
}
