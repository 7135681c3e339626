using CrewPass.Conformance.Keys;
using CrewPass.Conformance.Settings;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>The parameters the suites are spread over: targets, endpoints, keys, header forms and the credential corpus.</summary>
public static class Cases
{
    private static readonly Lazy<IReadOnlyList<CredentialCase>> Corpus = new(() =>
        CredentialCorpus.Load(AppContext.BaseDirectory)
            .Concat(CredentialCorpus.Generated(Run.Current.FuzzSeed, GeneratedKeyCount)).ToArray());

    public const int GeneratedKeyCount = 12;

    /// <summary>Every target that passed its preflight; none when it failed (the preflight check then says why, once).</summary>
    public static IEnumerable<TargetUnderTest> Targets() => Run.Current.Targets;

    public static IReadOnlyList<Endpoint> Endpoints => Run.Settings?.Endpoints ?? [];

    public static IEnumerable<TestCaseData> EachEndpoint() =>
        Endpoints.Select(e => new TestCaseData(e).SetArgDisplayNames(e.ToString()));

    public static IEnumerable<TestCaseData> EachEndpointAndKey() => EachEndpointWith(Endpoints, "LiveKey", "TestKey");

    /// <summary>Endpoints that answer with a list of objects: all but /partners/me.</summary>
    public static IEnumerable<Endpoint> ListEndpoints => Endpoints.Where(e => e.Path != ContractDefaults.MePath);

    public static IEnumerable<TestCaseData> EachListEndpoint() => ListEndpoints.Select(e => new TestCaseData(e).SetArgDisplayNames(e.ToString()));

    /// <summary>Each endpoint crossed with each variant (a key setting, a header spelling, a method, …).</summary>
    public static IEnumerable<TestCaseData> EachEndpointWith(IEnumerable<Endpoint> endpoints, params string[] variants) =>
        from e in endpoints
        from variant in variants
        select new TestCaseData(e, variant).SetArgDisplayNames(e.ToString(), variant);

    public static IEnumerable<TestCaseData> Credentials(string clause) =>
        from c in Corpus.Value.Where(c => c.Clause == clause)
        from e in Endpoints
        select new TestCaseData(c, e).SetArgDisplayNames(c.Name, c.PresentationName, e.ToString());

    public static IEnumerable<TestCaseData> InvalidCredentials() => Credentials("KEY-01");

    public static IEnumerable<TestCaseData> WidgetCredentials() => Credentials("KEY-05");
}
