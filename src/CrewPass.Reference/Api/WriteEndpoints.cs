using System.Security.Cryptography;
using System.Text.Json;

namespace CrewPass.Reference;

/// <summary>
/// The v2 write surface: vessel attach, crew placement and background-check issuance. This release ships it disabled,
/// and then nothing is served, signed or not. Enabled (the v2 preview), each operation needs a valid signature.
/// </summary>
public static class WriteEndpoints
{
    public const string VesselAttachPath = "/api/v2/employers/me/vessels/attach";
    public const string CrewPlacementPath = "/api/v2/crew-placements";
    public const string BackgroundCheckPath = "/api/v2/background-checks";

    public static IEndpointRouteBuilder MapWriteOperations(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<ReferenceOptions>();
        var rules = options.Behaviour.Responses;
        if (options.WriteSurface == WriteSurface.Disabled && !rules.ServesWritesWhileDisabled) return app;
        var verify = options.WriteSurface == WriteSurface.Enabled || rules.VerifiesWritesWhileDisabled;
        app.MapPost(VesselAttachPath, (HttpContext context, PartnerDirectory directory) => HandleAsync(context, directory, verify, (caller, body) =>
        {
            var vessel = directory.Attach(caller.Partner.Id, caller.Mode == KeyMode.Live, Field(body, "name") ?? "Attached vessel", Field(body, "imo_number") ?? "9074729");
            var created = VesselEndpoints.ToJson(vessel);
            if (rules.CreatedWithoutLivemode) created.Remove("livemode");
            return created;
        }));
        app.MapPost(CrewPlacementPath, (HttpContext context, PartnerDirectory directory) => HandleAsync(context, directory, verify, (caller, body) => new Dictionary<string, object?>
        {
            ["id"] = "plc_" + RandomNumberGenerator.GetHexString(16, lowercase: true),
            ["vessel_id"] = Field(body, "vessel_id"),
            ["crew_member_id"] = Field(body, "crew_member_id"),
            ["starts_on"] = Field(body, "starts_on"),
            ["livemode"] = rules.CreatedWithoutLivemode ? null : caller.Mode == KeyMode.Live,
        }.Where(f => f.Value is not null).ToDictionary()));
        app.MapPost(BackgroundCheckPath, (HttpContext context, PartnerDirectory directory) => HandleAsync(context, directory, verify, (caller, body) => new Dictionary<string, object?>
        {
            ["id"] = "bgc_" + RandomNumberGenerator.GetHexString(16, lowercase: true),
            ["crew_member_id"] = Field(body, "crew_member_id"),
            ["check_type"] = Field(body, "check_type"),
            ["status"] = "pending",
            ["livemode"] = rules.CreatedWithoutLivemode ? null : caller.Mode == KeyMode.Live,
        }.Where(f => f.Value is not null).ToDictionary()));
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, PartnerDirectory directory, bool verify, Func<Caller, JsonElement, object> perform)
    {
        // The raw bytes, before any parsing: the signature covers exactly what was sent.
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var caller = KeyAuthentication.CallerOf(context);
        if (verify && await context.RequestServices.GetRequiredService<SignatureVerifier>().VerifyAsync(context, caller, body) is { } refusal)
            return ApiErrors.Error(context, StatusCodes.Status401Unauthorized, refusal.Code, refusal.Message,
                withMessage: context.OptionsOf().Behaviour.Errors.SignatureRefusalHasMessage);
        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return ApiErrors.Error(context, StatusCodes.Status400BadRequest, "invalid_request", "The body must be a JSON object.");
        }
        if (json.ValueKind != JsonValueKind.Object)
            return ApiErrors.Error(context, StatusCodes.Status400BadRequest, "invalid_request", "The body must be a JSON object.");
        return Results.Json(perform(caller, json), statusCode: StatusCodes.Status201Created);
    }

    private static string? Field(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
