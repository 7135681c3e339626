namespace CrewPass.Reference;

/// <summary>
/// Two more read endpoints, the kind a deployment adds and declares in its profile: the employer itself (one object)
/// and its crew (a list). Each needs vessels:read and answers in the key's mode, never with another partner's data.
/// </summary>
public static class ExtraReadEndpoints
{
    public const string EmployerPath = "/api/v2/employers/me";
    public const string CrewPath = "/api/v2/employers/me/crew";

    public static IEndpointRouteBuilder MapExtraReads(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<ReferenceOptions>().ExtraReads) return app;
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

    private static string Mode(Caller caller) => caller.Mode == KeyMode.Live ? "live" : "test";

    private static IResult Scoped(HttpContext context, Func<Caller, IResult> answer)
    {
        var caller = KeyAuthentication.CallerOf(context);
        return caller.Partner.Scopes.Contains(VesselEndpoints.ReadScope) ? answer(caller) : ApiErrors.InsufficientScope(context, VesselEndpoints.ReadScope);
    }
}
