namespace CrewPass.Reference;

/// <summary>The v2 write surface. This release ships it disabled: the operations are not served at all.</summary>
public static class WriteEndpoints
{
    public const string VesselAttachPath = "/api/v2/employers/me/vessels/attach";
    public const string CrewPlacementPath = "/api/v2/crew-placements";
    public const string BackgroundCheckPath = "/api/v2/background-checks";

    public static IEndpointRouteBuilder MapWriteOperations(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<ReferenceOptions>();
        if (options.WriteSurface == WriteSurface.Disabled && options.Has(Fault.WriteServedWhileDisabled))
        {
            app.MapPost(VesselAttachPath, async (HttpContext context, PartnerDirectory directory) =>
            {
                var caller = KeyAuthentication.CallerOf(context);
                var body = await System.Text.Json.JsonSerializer.DeserializeAsync<Dictionary<string, string>>(context.Request.Body) ?? [];
                var vessel = directory.Attach(caller.Partner.Id, caller.Mode == KeyMode.Live, body.GetValueOrDefault("name", "Attached"), body.GetValueOrDefault("imo_number", "9074729"));
                return Results.Json(VesselEndpoints.ToJson(vessel, options), statusCode: StatusCodes.Status201Created);
            });
        }
        return app;
    }
}
