using System.Text;
using System.Text.Json.Nodes;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Signing;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites;

/// <summary>WRITE: "Mutating endpoints … are deferred to v2 and are not part of this release." Probes use a test-mode key.</summary>
[Parallelizable(ParallelScope.Self)]
public sealed class WriteSurfaceSuite(string target) : ConformanceSuite(target)
{
    /// <summary>While the write surface is disabled, no documented mutating operation is served, and nothing changes.</summary>
    [Clause("WRITE-01", Alone = Holds.TestView)]
    [TestCaseSource(nameof(WriteOperations))]
    public async Task WRITE_01_Disabled_write_operations_are_not_served(WriteOperation operation, WriteProbe probe)
    {
        if (Settings.WriteSurfaceEnabled) throw new NotApplicable("WriteSurface is enabled; SIG-02 to SIG-08 check the write surface instead");
        // Probed as a genuine v2 client would: the test key, signed with its partner's secret on the target's own clock.
        // A surface left on with working verification must answer this one, so only a refusal passes.
        var testKey = Settings.TestKey!;
        // Nothing but WRITE-01 writes to this view, and it holds the view alone: the last probe's "after" is this one's "before".
        var before = Target.LastTestView ?? await VesselListAsync(testKey, "before the probe");
        var request = probe.Prepare(new ApiRequest(operation.Method, operation.Path) { Body = operation.Body }.WithBearer(testKey), this, before);
        var answer = await Client.SendAsync(request);
        Expect(!answer.IsSuccess, $"{operation.Name}, {probe}, not served (no 2xx)", Summary(answer), answer);
        Target.LastTestView = null;
        var after = await VesselListAsync(testKey, "after the probe");
        Target.LastTestView = after;
        Expect(JsonNode.DeepEquals(before.Json, after.Json), $"the test key's vessel list unchanged after {operation.Name}, {probe}",
            "the vessel list changed", before, answer, after);
    }

    /// <summary>How WRITE-01 presents a write: as it is, or signed as the page shows.</summary>
    public sealed record WriteProbe(string Name, Func<ApiRequest, WriteSurfaceSuite, Exchange, ApiRequest> Prepare)
    {
        public static readonly WriteProbe Unsigned = new("unsigned", (request, _, _) => request);

        public static readonly WriteProbe Signed = new("signed", (request, suite, clockReading) => request.Signed(
            RequestSigner.Headers(suite.Need("SigningSecret"), Encoding.UTF8.GetBytes(request.Body ?? ""), ServerClock.From(clockReading).NowSeconds)));

        public override string ToString() => Name;
    }

    /// <summary>The test view, read to compare: a failed read proves nothing about a change, so it ends the check inconclusive.</summary>
    private async Task<Exchange> VesselListAsync(string key, string when)
    {
        var list = await Client.GetAsync(ContractDefaults.VesselListPath, r => r.WithBearer(key));
        if (!list.IsSuccess || list.Json?["data"] is not JsonArray)
            throw new Inconclusive($"the test key's vessel list could not be read {when} ({Summary(list)}), so no change can be judged", list) { Owner = "AUTH-02" };
        return list;
    }

    /// <summary>A read path does not take POST, PUT, PATCH or DELETE.</summary>
    [Clause("WRITE-02")]
    [TestCaseSource(nameof(ReadPathsAndMethods))]
    // The probes build on no state (WRITE-01's do, so the suite keeps its own checks in order): at scale, four per read
    // one after another would be the run's tail.
    [Parallelizable(ParallelScope.Children)]
    public async Task WRITE_02_Read_paths_refuse_mutating_methods(Endpoint endpoint, string method)
    {
        var answer = await Client.SendAsync(new ApiRequest(method, endpoint.Path) { Body = method == "DELETE" ? null : "{}" }.WithBearer(Settings.TestKey!));
        if (!answer.IsSuccess) await ExpectKeyHonouredAsync(answer, endpoint, "TestKey");
        Expect(answer.Status is 404 or 405, $"405 or 404 for {method} {endpoint.Path}", Summary(answer), answer);
    }

    public static IEnumerable<TestCaseData> WriteOperations() =>
        from o in Run.Settings?.WriteOperations ?? []
        from probe in new[] { WriteProbe.Unsigned, WriteProbe.Signed }
        select new TestCaseData(o, probe).SetArgDisplayNames(o.Name, probe.Name);

    public static IEnumerable<TestCaseData> ReadPathsAndMethods() => Cases.EachEndpointWith(Cases.Endpoints, "POST", "PUT", "PATCH", "DELETE");
}
