using System.Text.Json;

namespace CrewPass.Reference;

/// <summary>The error body of the contract: {"error": {"code": "...", "message": "..."}}.</summary>
public static class ApiErrors
{
    public static IResult InvalidApiKey(HttpContext context, string? presentedKey, Credential? refused = null)
    {
        var rules = context.OptionsOf().Behaviour.Errors;
        var message = "The API key is missing or invalid.";
        if (rules.EchoesKeyInMessage && presentedKey is not null) message = $"The API key '{presentedKey}' is not valid.";
        var widget = refused?.Kind == CredentialKind.WidgetKey || presentedKey?.StartsWith("cppk_", StringComparison.Ordinal) == true;
        if (rules.Challenges && !(widget && !rules.ChallengesWidgetRefusals))
        {
            context.Response.Headers.WWWAuthenticate = presentedKey is null
                ? "Bearer realm=\"CrewPass Partner API\""
                : "Bearer realm=\"CrewPass Partner API\", error=\"invalid_token\"";
        }
        var status = refused?.Revoked == true ? rules.RevokedKeyStatus : rules.InvalidKeyStatus;
        return Error(context, status, rules.InvalidKeyCode, message);
    }

    public static IResult InsufficientScope(HttpContext context, string scope) =>
        context.OptionsOf().Behaviour.Errors.ScopeRefusalAsInvalidKey
            ? InvalidApiKey(context, presentedKey: null)
            : Error(context, StatusCodes.Status403Forbidden, "insufficient_scope", $"This key's plan does not grant {scope}.");

    /// <param name="withMessage">False only where a fault drops the message the error schema requires.</param>
    public static IResult Error(HttpContext context, int status, string code, string message, bool withMessage = true)
    {
        var options = context.OptionsOf();
        object error = withMessage ? new { code, message } : new { code };
        var body = JsonSerializer.Serialize(options.Makes(LegalChoice.FlatErrors) ? error : new { error });
        return Results.Text(body, options.Behaviour.Errors.MediaType, statusCode: status);
    }
}
