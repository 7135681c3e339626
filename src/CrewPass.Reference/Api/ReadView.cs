namespace CrewPass.Reference;

/// <summary>
/// What a data read answers its caller: the scope check, then the caller's items in its key's mode, as a list or as one
/// object. Every data read goes through here (the vessel list and the reads a profile adds), so the faults that bend a
/// read's data act on whichever read they sit (ReferenceOptions.FaultPath), not only on the vessel list.
/// </summary>
public static class ReadView
{
    /// <summary>A partner's items in one mode, each a new dictionary (the faults below change them in place).</summary>
    public delegate IReadOnlyList<Dictionary<string, object>> ItemsOf(Partner partner, bool livemode);

    public static IResult Serve(HttpContext context, ItemsOf itemsOf, bool list)
    {
        var rules = context.OptionsOf().Behaviour.Reads;
        var caller = KeyAuthentication.CallerOf(context);
        var scopeIgnored = rules.ScopeCheck == ScopeCheck.Never
                           || (rules.ScopeCheck == ScopeCheck.BearerOnly && context.Request.Headers.ContainsKey("X-Partner-API-Key"));
        if (!caller.Partner.Scopes.Contains(VesselEndpoints.ReadScope) && !scopeIgnored)
            return ApiErrors.InsufficientScope(context, VesselEndpoints.ReadScope);
        if (rules.RedirectsToCleartext && context.Request.IsHttps)
            return Results.Redirect($"http://{context.Request.Host}{context.Request.Path}", permanent: true, preserveMethod: true);

        var livemode = caller.Mode == KeyMode.Live;
        if (rules.ApiKeyHeaderServesTestView && context.Request.Headers.ContainsKey("X-Partner-API-Key")) livemode = false;
        var items = itemsOf(caller.Partner, livemode).ToList();
        if (rules.TestViewAddsOneLive && !livemode)
            items.Add(itemsOf(caller.Partner, livemode: true)[0]);
        if (rules.TestViewReusesLiveIds && !livemode)
        {
            var liveIds = itemsOf(caller.Partner, livemode: true).Select(i => i["id"]).ToArray();
            for (var i = 0; i < items.Count; i++) items[i]["id"] = liveIds[i % liveIds.Length];
        }
        if (rules.LeaksOtherPartner)
        {
            var directory = context.RequestServices.GetRequiredService<PartnerDirectory>();
            items.Add(directory.Partners.Where(p => p.Id != caller.Partner.Id).Select(p => itemsOf(p, livemode)).First(other => other.Count > 0)[0]);
        }
        if (rules.DropsLivemode)
            foreach (var item in items) item.Remove("livemode");
        // An object-shaped read answers the last item: where a fault added one (another mode's, another partner's), it shows.
        return list ? Results.Json(new { data = items }) : Results.Json(items[^1]);
    }
}
