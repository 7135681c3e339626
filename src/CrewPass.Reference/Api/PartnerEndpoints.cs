namespace CrewPass.Reference;

public static class PartnerEndpoints
{
    public const string MePath = "/api/v2/partners/me";

    /// <summary>GET /api/v2/partners/me: identity and the whole scope grant. It needs no scope.</summary>
    public static IEndpointRouteBuilder MapPartners(this IEndpointRouteBuilder app)
    {
        app.MapGet(MePath, (HttpContext context) =>
        {
            var rules = context.OptionsOf().Behaviour.Reads;
            var caller = KeyAuthentication.CallerOf(context);
            if (rules.MeNeedsVesselsScope && !caller.Partner.Scopes.Contains(VesselEndpoints.ReadScope))
                return ApiErrors.InsufficientScope(context, VesselEndpoints.ReadScope);
            var partnerId = rules.TestKeyOwnPartnerId && caller.Mode == KeyMode.Test ? caller.Partner.Id + "_test" : caller.Partner.Id;
            var mode = (caller.Mode == KeyMode.Live) != rules.ModeSwapped ? "live" : "test";
            IEnumerable<string> scopes = rules.ScopeListOmitsVessels
                ? caller.Partner.Scopes.Where(s => s != VesselEndpoints.ReadScope)
                : caller.Partner.Scopes;
            object scopeValue = rules.ScopesAsOneString ? string.Join(",", scopes) : scopes.ToArray();
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
