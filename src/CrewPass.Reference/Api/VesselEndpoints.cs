namespace CrewPass.Reference;

public static class VesselEndpoints
{
    public const string ListPath = "/api/v2/employers/me/vessels";
    public const string ReadScope = "vessels:read";

    /// <summary>GET /api/v2/employers/me/vessels: the caller's vessels of its key's mode, never another partner's.</summary>
    public static IEndpointRouteBuilder MapVessels(this IEndpointRouteBuilder app)
    {
        app.MapGet(ListPath, (HttpContext context, PartnerDirectory directory) => ReadView.Serve(context,
            (partner, livemode) => directory.VesselsOf(partner.Id, livemode).Select(ToJson).ToArray(), list: true));
        var options = app.ServiceProvider.GetRequiredService<ReferenceOptions>();
        if (options.Behaviour.Responses.DeleteServedOnFaultPath)
            app.MapDelete(options.ReadFaultPath, () => Results.NoContent());
        return app;
    }

    public static Dictionary<string, object> ToJson(Vessel v) =>
        new() { ["id"] = v.Id, ["name"] = v.Name, ["imo_number"] = v.ImoNumber, ["flag"] = v.Flag, ["livemode"] = v.Livemode };
}
