using System.Text.Json;

namespace CrewPass.Reference;

/// <summary>The error body of the contract: {"error": {"code": "...", "message": "..."}}.</summary>
public static class ApiErrors
{
    public static IResult InvalidApiKey(HttpContext context, string? presentedKey, Credential? refused = null)
    {
        var options = context.OptionsOf();
        var message = "The API key is missing or invalid.";
        if (options.Has(Fault.KeyEchoedInError) && presentedKey is not null) message = $"The API key '{presentedKey}' is not valid.";
        var widget = refused?.Kind == CredentialKind.WidgetKey || presentedKey?.StartsWith("cppk_", StringComparison.Ordinal) == true;
        if (!options.Has(Fault.MissingWwwAuthenticate) && !(widget && options.Has(Fault.WidgetRefusalWithoutChallenge)))
        {
            context.Response.Headers.WWWAuthenticate = presentedKey is null
                ? "Bearer realm=\"CrewPass Partner API\""
                : "Bearer realm=\"CrewPass Partner API\", error=\"invalid_token\"";
        }
        var status = options.Has(Fault.ForbiddenForInvalidKey) || (refused?.Revoked == true && options.Has(Fault.RevokedKeyRefusedWith403))
            ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        var code = options.Has(Fault.WrongInvalidKeyCode) ? "unauthorized" : "invalid_api_key";
        return Error(context, status, code, message);
    }

    public static IResult InsufficientScope(HttpContext context, string scope) =>
        context.OptionsOf().Has(Fault.InsufficientScopeAsInvalidKey)
            ? InvalidApiKey(context, presentedKey: null)
            : Error(context, StatusCodes.Status403Forbidden, "insufficient_scope", $"This key's plan does not grant {scope}.");

    /// <param name="withMessage">False only where a fault drops the message the error schema requires.</param>
    public static IResult Error(HttpContext context, int status, string code, string message, bool withMessage = true)
    {
        var options = context.OptionsOf();
        object error = withMessage ? new { code, message } : new { code };
        var body = JsonSerializer.Serialize(options.Makes(LegalChoice.FlatErrors) ? error : new { error });
        var textPlain = options.Has(Fault.ErrorBodyAsTextPlain);
        return Results.Text(body, textPlain ? "text/plain; charset=utf-8" : "application/json; charset=utf-8", statusCode: status);
    }
}
