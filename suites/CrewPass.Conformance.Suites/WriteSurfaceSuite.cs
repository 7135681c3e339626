using System.Text;
using System.Text.Json.Nodes;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Signing;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites;

/// <summary>WRITE: "Mutating endpoints … are deferred to v2 and are not part of this release." Probes use a test-mode key.</summary>
[Parallelizable(ParallelScope.Self)]
public sealed class WriteSurfaceSuite(TargetUnderTest target) : ConformanceSuite(target)
{
    /// <summary>While the write surface is disabled, no documented mutating operation is served, and nothing changes.</summary>
    [Clause("WRITE-01")]
    [TestCaseSource(nameof(WriteOperations))]
    public async Task WRITE_01_Disabled_write_operations_are_not_served(WriteOperation operation, string signing)
    {
        if (Settings.WriteSurfaceEnabled) NotApplicable("WriteSurface is enabled; SIG-02 to SIG-08 check the write surface instead");
        // A deployment that wrongly serves the write changes the probing key's data; the dedicated rate-limit partner's
        // key keeps that change away from the views the other checks compare. Without it, the test key.
        var testKey = Settings["RateLimitKey"] ?? Settings["TestKey"]!;
        var request = new ApiRequest(operation.Method, operation.Path) { Body = operation.Body }.WithBearer(testKey);
        if (signing == "signed")
            request = request.Signed(RequestSigner.Headers(Need("SigningSecret"), Encoding.UTF8.GetBytes(operation.Body), DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var before = await Client.GetAsync(ContractDefaults.VesselListPath, r => r.WithBearer(testKey));
        var answer = await Client.SendAsync(request);
        var after = await Client.GetAsync(ContractDefaults.VesselListPath, r => r.WithBearer(testKey));
        var unchanged = JsonNode.DeepEquals(before.Json, after.Json);
        Expect(!answer.IsSuccess && unchanged, $"{operation.Name}, {signing}, not served (no 2xx) and the vessel list unchanged",
            $"{Summary(answer)}; the vessel list {(unchanged ? "is unchanged" : "changed")}", answer, after);
    }

    /// <summary>A read path does not take POST, PUT, PATCH or DELETE.</summary>
    [Clause("WRITE-02")]
    [TestCaseSource(nameof(ReadPathsAndMethods))]
    public async Task WRITE_02_Read_paths_refuse_mutating_methods(Endpoint endpoint, string method)
    {
        var answer = await Client.SendAsync(new ApiRequest(method, endpoint.Path) { Body = method == "DELETE" ? null : "{}" }.WithBearer(Settings["TestKey"]!));
        Expect(answer.Status is 404 or 405, $"405 or 404 for {method} {endpoint.Path}", Summary(answer), answer);
    }

    public static IEnumerable<TestCaseData> WriteOperations() =>
        from o in Run.Settings?.WriteOperations ?? []
        from signing in new[] { "unsigned", "signed" }
        select new TestCaseData(o, signing).SetArgDisplayNames(o.Name, signing);

    public static IEnumerable<TestCaseData> ReadPathsAndMethods() => Cases.EachEndpointWith(Cases.Endpoints, "POST", "PUT", "PATCH", "DELETE");
}
