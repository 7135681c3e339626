namespace CrewPass.Reference;

public static class VesselEndpoints
{
    public const string ListPath = "/api/v2/employers/me/vessels";
    public const string ReadScope = "vessels:read";

    /// <summary>GET /api/v2/employers/me/vessels: the caller's vessels of its key's mode, never another partner's.</summary>
    public static IEndpointRouteBuilder MapVessels(this IEndpointRouteBuilder app)
    {
        app.MapGet(ListPath, (HttpContext context, ReferenceOptions options, PartnerDirectory directory) =>
        {
            var caller = KeyAuthentication.CallerOf(context);
            var scopeIgnored = options.Has(Fault.RestrictedKeyServedVessels)
                               || (options.Has(Fault.ScopeCheckedOnlyForBearer) && context.Request.Headers.ContainsKey("X-Partner-API-Key"));
            if (!caller.Partner.Scopes.Contains(ReadScope) && !scopeIgnored)
                return ApiErrors.InsufficientScope(context, ReadScope);
            if (options.Has(Fault.RedirectsToCleartext) && context.Request.IsHttps)
                return Results.Redirect($"http://{context.Request.Host}{context.Request.Path}", permanent: true, preserveMethod: true);

            var livemode = caller.Mode == KeyMode.Live;
            if (options.Has(Fault.ApiKeyHeaderServesTestView) && context.Request.Headers.ContainsKey("X-Partner-API-Key")) livemode = false;
            var vessels = directory.VesselsOf(caller.Partner.Id, livemode).ToList();
            if (options.Has(Fault.TestKeySeesOneLiveVessel) && !livemode)
                vessels.Add(directory.VesselsOf(caller.Partner.Id, livemode: true)[0]);
            if (options.Has(Fault.TestViewReusesLiveIds) && !livemode)
            {
                var liveIds = directory.VesselsOf(caller.Partner.Id, livemode: true).Select(v => v.Id).ToArray();
                vessels = vessels.Select((v, i) => v with { Id = liveIds[i % liveIds.Length] }).ToList();
            }
            if (options.Has(Fault.OtherPartnersVesselLeaks))
                vessels.Add(directory.AllVessels().First(v => v.PartnerId != caller.Partner.Id && v.Livemode == livemode));

            return Results.Json(new { data = vessels.Select(v => ToJson(v, options)) });
        });
        if (app.ServiceProvider.GetRequiredService<ReferenceOptions>().Has(Fault.DeleteAcceptedOnReadPath))
            app.MapDelete(ListPath, () => Results.NoContent());
        return app;
    }

    public static Dictionary<string, object> ToJson(Vessel v, ReferenceOptions options)
    {
        var json = new Dictionary<string, object> { ["id"] = v.Id, ["name"] = v.Name, ["imo_number"] = v.ImoNumber, ["flag"] = v.Flag };
        if (!options.Has(Fault.VesselWithoutLivemode)) json["livemode"] = v.Livemode;
        return json;
    }
}
