namespace CrewPass.Reference;

public static class RequestOptions
{
    /// <summary>The instance's options as they apply to this request (ReferenceOptions.At its path).</summary>
    public static ReferenceOptions OptionsOf(this HttpContext context) =>
        context.RequestServices.GetRequiredService<ReferenceOptions>().At(context.Request.Path);
}
