using CrewPass.Conformance.Keys;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>A request that must get invalid_api_key: no key at all (AUTH-01), or a credential of the corpus (KEY-01, KEY-05).</summary>
public sealed record Refusal(CredentialCase? Credential)
{
    public static readonly Refusal NoKey = new((CredentialCase?)null);

    public string Name => Credential?.Name ?? "no-key";

    public string PresentationName => Credential?.PresentationName ?? "none";

    public string Why => Credential?.Why ?? "a request without a key";

    public override string ToString() => Credential?.ToString() ?? Name;
}
