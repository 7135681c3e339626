using CrewPass.Conformance.Http;
using CrewPass.Conformance.Schemas;
using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites;

/// <summary>HTTP: what a client sees of every answer, success or error.</summary>
public sealed class HttpSuite(string target) : ConformanceSuite(target)
{
    /// <summary>Bodies are application/json (parameters ignored) and match their schemas; extra fields are allowed.</summary>
    [Clause("HTTP-01")]
    [TestCaseSource(nameof(Answers))]
    public async Task HTTP_01_Bodies_are_JSON_and_match_their_schemas(Endpoint endpoint, ReadAnswer read)
    {
        var answer = await read.Get(this, endpoint);
        if (answer.Status is >= 300 and < 400)
            throw new Inconclusive($"{endpoint} with {read} was redirected ({Summary(answer)}): a redirect is no JSON answer; AUTH-07 judges where it leads", answer) { Owner = "AUTH-07" };
        ExpectJsonMatching(answer, $"{endpoint} with {read}", answer.IsSuccess ? endpoint.Schemas : [Settings.ErrorSchema]);
    }

    /// <summary>A keyed answer is not kept by shared caches: Cache-Control no-store or private.</summary>
    [Clause("HTTP-02")]
    [TestCaseSource(nameof(KeyedAnswers))]
    public async Task HTTP_02_Keyed_answers_are_not_cacheable_by_shared_caches(Endpoint endpoint, ReadAnswer read)
    {
        var answer = await read.Get(this, endpoint);
        var directives = (answer.Header("Cache-Control") ?? "").Split(',').Select(d => d.Trim().Split('=')[0].ToLowerInvariant()).ToHashSet();
        Expect(directives.Contains("no-store") || directives.Contains("private"), "Cache-Control with no-store or private",
            answer.Header("Cache-Control") is { } value ? $"Cache-Control: {value}" : "no Cache-Control", answer);
    }

    /// <summary>One kind of answer a read gets: with each key of the run, or refused for no key or an unknown one.</summary>
    public sealed record ReadAnswer(string Name, bool Keyed, bool NeedsScope, Func<HttpSuite, Endpoint, Task<Exchange>> Get)
    {
        public static readonly ReadAnswer[] All =
        [
            new("live-key", true, false, (suite, e) => suite.Target.ObserveAsync(e.Path, "LiveKey")),
            new("test-key", true, false, (suite, e) => suite.Target.ObserveAsync(e.Path, "TestKey")),
            // The refusals KEY-01 to KEY-03 judge, asked once.
            new("no-key", false, false, async (suite, e) => (await suite.RefusalAsync(Refusal.NoKey, e)).Answer),
            new("unknown-key", true, false, async (suite, e) =>
                (await suite.RefusalAsync(Cases.Refusals.Single(r => r.Name == "unknown-test-key" && r.Credential!.Presentation == Keys.Presentation.Bearer), e)).Answer),
            // The 403 insufficient_scope answer: only where the endpoint needs a scope.
            new("restricted-key", true, true, (suite, e) =>
            {
                suite.Need("RestrictedKey");
                return suite.Target.ObserveAsync(e.Path, "RestrictedKey");
            }),
        ];

        public override string ToString() => Name;
    }

    public static IEnumerable<TestCaseData> Answers() =>
        from e in Cases.Endpoints
        from read in ReadAnswer.All
        where !read.NeedsScope || e.Scope is not null
        select new TestCaseData(e, read).SetArgDisplayNames(e.ToString(), read.Name);

    public static IEnumerable<TestCaseData> KeyedAnswers() => Answers().Where(c => ((ReadAnswer)c.Arguments[1]!).Keyed);
}
