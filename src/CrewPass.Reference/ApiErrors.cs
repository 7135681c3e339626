using System.Text.Json;

namespace CrewPass.Reference;

/// <summary>The error body of the contract: {"error": {"code": "...", "message": "..."}}.</summary>
public static class ApiErrors
{
    public static IResult InvalidApiKey(HttpContext context, string? presentedKey)
    {
        var options = context.RequestServices.GetRequiredService<ReferenceOptions>();
        var message = "The API key is missing or invalid.";
        if (options.Has(Fault.KeyEchoedInError) && presentedKey is not null) message = $"The API key '{presentedKey}' is not valid.";
        if (!options.Has(Fault.MissingWwwAuthenticate))
        {
            context.Response.Headers.WWWAuthenticate = presentedKey is null
                ? "Bearer realm=\"CrewPass Partner API\""
                : "Bearer realm=\"CrewPass Partner API\", error=\"invalid_token\"";
        }
        var status = options.Has(Fault.ForbiddenForInvalidKey) ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        var code = options.Has(Fault.WrongInvalidKeyCode) ? "unauthorized" : "invalid_api_key";
        return Error(context, status, code, message);
    }

    public static IResult InsufficientScope(HttpContext context, string scope) =>
        context.RequestServices.GetRequiredService<ReferenceOptions>().Has(Fault.InsufficientScopeAsInvalidKey)
            ? InvalidApiKey(context, presentedKey: null)
            : Error(context, StatusCodes.Status403Forbidden, "insufficient_scope", $"This key's plan does not grant {scope}.");

    public static IResult Error(HttpContext context, int status, string code, string message)
    {
        var body = JsonSerializer.Serialize(new { error = new { code, message } });
        var textPlain = context.RequestServices.GetRequiredService<ReferenceOptions>().Has(Fault.ErrorBodyAsTextPlain);
        return Results.Text(body, textPlain ? "text/plain; charset=utf-8" : "application/json; charset=utf-8", statusCode: status);
    }
}
