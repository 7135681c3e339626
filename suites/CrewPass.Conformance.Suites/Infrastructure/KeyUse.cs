using CrewPass.Conformance.Keys;
using NUnit.Framework;
using CrewPass.Conformance.Http;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>A valid key of the run in one of the page's two header forms.</summary>
public sealed record KeyUse(string Setting, Presentation Presentation)
{
    public static readonly string[] Settings = ["LiveKey", "TestKey", "RestrictedKey", "OtherPartnerKey", "RateLimitKey"];

    public string FormName => Presentation == Presentation.ApiKeyHeader ? HeaderNames.PartnerApiKey : "Bearer";

    /// <summary>The budget a request with this key spends, which the check must hold shared (RATE-02 counts RateLimitKey's).</summary>
    public Holds Spends => Setting == "RateLimitKey" ? Holds.RateLimitBudget : Holds.Nothing;

    public override string ToString() => $"{Setting} as {FormName}";
}
