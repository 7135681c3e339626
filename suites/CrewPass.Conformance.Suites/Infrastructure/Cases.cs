using CrewPass.Conformance.Keys;
using CrewPass.Conformance.Settings;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>The parameters the suites are spread over: targets, endpoints, keys, header forms and the credential corpus.</summary>
public static class Cases
{
    private static readonly Lazy<IReadOnlyList<CredentialCase>> Corpus = new(() =>
        CredentialCorpus.Load(AppContext.BaseDirectory)
            .Concat(CredentialCorpus.Generated(Run.Planned.FuzzSeed, GeneratedKeyCount)).ToArray());

    public const int GeneratedKeyCount = 12;

    /// <summary>Every target the run plans to check, by name only: listing starts nothing and sends nothing.</summary>
    public static IEnumerable<TestFixtureData> Targets() => Run.Planned.TargetNames.Select(n => new TestFixtureData(n).SetArgDisplayNames(n));

    public static IReadOnlyList<Endpoint> Endpoints => Run.Settings?.Endpoints ?? [];

    public static IEnumerable<TestCaseData> EachEndpoint() =>
        Endpoints.Select(e => new TestCaseData(e).SetArgDisplayNames(e.ToString()));

    public static IEnumerable<TestCaseData> EachEndpointAndKey() => EachEndpointWith(Endpoints, "LiveKey", "TestKey");

    /// <summary>Endpoints that answer with the partner's data, a list or one object: all but /partners/me (the identity).</summary>
    public static IEnumerable<Endpoint> DataEndpoints => Endpoints.Where(e => e.Path != ContractDefaults.MePath);

    public static IEnumerable<TestCaseData> EachDataEndpoint() => DataEndpoints.Select(e => new TestCaseData(e).SetArgDisplayNames(e.ToString()));

    /// <summary>Each endpoint crossed with each variant (a key setting, a header spelling, a method, …).</summary>
    public static IEnumerable<TestCaseData> EachEndpointWith(IEnumerable<Endpoint> endpoints, params string[] variants) =>
        from e in endpoints
        from variant in variants
        select new TestCaseData(e, variant).SetArgDisplayNames(e.ToString(), variant);

    public static IEnumerable<TestCaseData> Credentials(string clause) =>
        from c in Corpus.Value.Where(c => c.Clause == clause)
        from e in Endpoints
        select new TestCaseData(c, e).SetArgDisplayNames(c.Name, c.PresentationName, e.ToString());

    /// <summary>Each endpoint with every valid key of the run (LiveKey, TestKey and the optional ones) in both header forms.</summary>
    public static IEnumerable<TestCaseData> EachEndpointWithEveryKey(IEnumerable<Endpoint> endpoints) =>
        from e in endpoints
        from setting in KeyUse.Settings
        from form in new[] { Presentation.Bearer, Presentation.ApiKeyHeader }
        let use = new KeyUse(setting, form)
        select new TestCaseData(e, use).SetArgDisplayNames(e.ToString(), setting, use.FormName);

    public static IEnumerable<TestCaseData> InvalidCredentials() => Credentials("KEY-01");

    public static IEnumerable<TestCaseData> WidgetCredentials() => Credentials("KEY-05");

    /// <summary>Every request the page says gets invalid_api_key: no key at all, and every credential of the corpus.</summary>
    public static IEnumerable<Refusal> Refusals => new[] { Refusal.NoKey }.Concat(Corpus.Value.Select(c => new Refusal(c)));

    /// <summary>Every refusal on every endpoint: what KEY-02 and KEY-03 judge.</summary>
    public static IEnumerable<TestCaseData> EveryRefusal() =>
        from r in Refusals
        from e in Endpoints
        select new TestCaseData(r, e).SetArgDisplayNames(r.Name, r.PresentationName, e.ToString());
}
