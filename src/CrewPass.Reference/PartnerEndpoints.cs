namespace CrewPass.Reference;

public static class PartnerEndpoints
{
    public const string MePath = "/api/v2/partners/me";

    /// <summary>GET /api/v2/partners/me: identity and the whole scope grant. It needs no scope.</summary>
    public static IEndpointRouteBuilder MapPartners(this IEndpointRouteBuilder app)
    {
        app.MapGet(MePath, (HttpContext context) =>
        {
            var options = context.OptionsOf();
            var caller = KeyAuthentication.CallerOf(context);
            if (options.Has(Fault.MeRequiresVesselsScope) && !caller.Partner.Scopes.Contains(VesselEndpoints.ReadScope))
                return ApiErrors.InsufficientScope(context, VesselEndpoints.ReadScope);
            var partnerId = options.Has(Fault.TestKeyHasOwnPartnerId) && caller.Mode == KeyMode.Test ? caller.Partner.Id + "_test" : caller.Partner.Id;
            var mode = (caller.Mode == KeyMode.Live) != options.Has(Fault.ModeSwapped) ? "live" : "test";
            IEnumerable<string> scopes = options.Has(Fault.ScopeListIncomplete)
                ? caller.Partner.Scopes.Where(s => s != VesselEndpoints.ReadScope)
                : caller.Partner.Scopes;
            object scopeValue = options.Has(Fault.ScopesAsCommaSeparatedString) ? string.Join(",", scopes) : scopes.ToArray();
            return Results.Json(new Dictionary<string, object>
            {
                ["partner_id"] = partnerId,
                ["name"] = caller.Partner.Name,
                ["plan"] = caller.Partner.Plan,
                ["mode"] = mode,
                ["scopes"] = scopeValue,
            });
        });
        return app;
    }
}
