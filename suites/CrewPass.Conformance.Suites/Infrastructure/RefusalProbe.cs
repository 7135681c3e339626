using System.Text;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Keys;
using CrewPass.Conformance.Settings;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>
/// The one request a refusal is judged on (by AUTH-01, KEY-01 to KEY-03 and KEY-05 alike), planned from the settings
/// alone, so the run can send it before any check asks. <c>HttpLayerMayAnswer</c>: the credential is no legal header
/// value, or its header line reaches the target's header limit (LongKeyBytes), so a proxy's 400 or 431 is acceptable.
/// </summary>
public sealed record RefusalProbe(string Key, ApiRequest Request, bool HttpLayerMayAnswer)
{
    /// <summary>The probe for a refusal on an endpoint; a credential that needs a missing setting is a skip naming it.</summary>
    public static RefusalProbe Plan(Refusal refusal, Endpoint endpoint, HarnessSettings settings, int seed)
    {
        if (refusal.Credential is not { } credential) return new($"refusal no-key {endpoint}", ApiRequest.Get(endpoint.Path), false);
        // The seeded random parts are the same each time, so every check of a credential sends the same value.
        var value = CredentialTemplate.Fill(credential.Template, setting => Needs.Value(settings, setting), new Bogus.Randomizer(seed));
        var (name, headerValue) = credential.Presentation switch
        {
            Presentation.Bearer => (HeaderNames.Authorization, "Bearer " + value),
            Presentation.ApiKeyHeader => (HeaderNames.PartnerApiKey, value),
            _ => (HeaderNames.Authorization, value),
        };
        var illegal = value.Any(c => c < 0x20 || c == 0x7f);
        var tooLong = Encoding.UTF8.GetByteCount($"{name}: {headerValue}") >= settings.LongKeyBytes;
        return new($"refusal {credential} {endpoint}", ApiRequest.Get(endpoint.Path).WithHeader(name, headerValue), illegal || tooLong);
    }
}
