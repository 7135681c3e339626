using System.Text.Json.Nodes;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites;

/// <summary>DATA: "cpk_live_… operates on production data. cpk_test_… operates on test-flagged data." Live and test never mix.</summary>
public sealed class DataSuite(string target) : ConformanceSuite(target)
{
    /// <summary>Every object a live key sees is live, every object a test key sees is test, and each says so.</summary>
    [Clause("DATA-01")]
    [TestCaseSource(nameof(DataEndpointsAndKeys))]
    public async Task DATA_01_Every_object_matches_the_key_mode(Endpoint endpoint, string keySetting)
    {
        var answer = await Target.ObserveAsync(endpoint.Path, keySetting);
        var objects = ObjectsOf(endpoint, answer, keySetting);
        var livemode = keySetting == "LiveKey";
        var wrong = objects.Where(o => o["livemode"] is not JsonValue v || !v.TryGetValue<bool>(out var b) || b != livemode).ToArray();
        Expect(wrong.Length == 0, $"every object with livemode: {livemode.ToString().ToLowerInvariant()}",
            $"{wrong.Length} of {objects.Count} objects otherwise, first: {wrong.FirstOrDefault()?.ToJsonString()}", answer);
    }

    /// <summary>The live view and the test view of one partner share no object id.</summary>
    [Clause("DATA-02")]
    [TestCaseSource(typeof(Cases), nameof(Cases.EachDataEndpoint))]
    public async Task DATA_02_Live_and_test_views_share_no_id(Endpoint endpoint)
    {
        var live = await Target.ObserveAsync(endpoint.Path, "LiveKey");
        var test = await Target.ObserveAsync(endpoint.Path, "TestKey");
        var shared = IdsOf(ObjectsOf(endpoint, live, "LiveKey")).Intersect(IdsOf(ObjectsOf(endpoint, test, "TestKey"))).ToArray();
        Expect(shared.Length == 0, "no id in both the live and the test view", $"shared ids: {string.Join(", ", shared)}", live, test);
    }

    /// <summary>Another partner's key never sees this partner's objects, live or test.</summary>
    [Clause("DATA-03")]
    [TestCaseSource(typeof(Cases), nameof(Cases.EachDataEndpoint))]
    public async Task DATA_03_Another_partner_never_sees_this_partners_objects(Endpoint endpoint)
    {
        Need("OtherPartnerKey");
        var other = await Target.ObserveAsync(endpoint.Path, "OtherPartnerKey");
        var live = await Target.ObserveAsync(endpoint.Path, "LiveKey");
        var test = await Target.ObserveAsync(endpoint.Path, "TestKey");
        var ours = IdsOf(ObjectsOf(endpoint, live, "LiveKey")).Concat(IdsOf(ObjectsOf(endpoint, test, "TestKey"))).ToHashSet();
        var leaked = IdsOf(ObjectsOf(endpoint, other, "OtherPartnerKey", allowEmpty: true)).Where(ours.Contains).ToArray();
        Expect(leaked.Length == 0, "OtherPartnerKey's view to hold none of this partner's ids", $"it holds {string.Join(", ", leaked)}", other, live);
    }

    public static IEnumerable<TestCaseData> DataEndpointsAndKeys() => Cases.EachEndpointWith(Cases.DataEndpoints, "LiveKey", "TestKey");

    /// <summary>
    /// The objects of an answer: the items of a list (<c>{"data": [...]}</c>), or the one object a single-object read
    /// answers with (the endpoint's shape). An empty view proves nothing, so it skips and says what data is missing.
    /// </summary>
    private IReadOnlyList<JsonObject> ObjectsOf(Endpoint endpoint, Exchange answer, string keySetting, bool allowEmpty = false)
    {
        // A refused or failed read shows no data at all: AUTH and ME judge the refusal, DATA can conclude nothing from it.
        var read = endpoint.Shape == BodyShape.List ? answer.Json?["data"] as JsonArray : answer.Json is JsonObject one ? [one.DeepClone()] : null;
        if (!answer.IsSuccess || read is null)
            throw new Inconclusive($"{answer.Request} with {keySetting} answered {Summary(answer)}, not {(endpoint.Shape == BodyShape.List ? "a data list" : "an object")}", answer)
            {
                Owner = answer.Status == 429 ? (keySetting == "OtherPartnerKey" ? "RATE-04" : "RATE-02") : answer.IsSuccess ? "HTTP-01" : "AUTH-02",
            };
        var objects = read.OfType<JsonObject>().ToArray();
        if (objects.Length == 0 && !allowEmpty)
            throw new NeedsSetting("data", $"{answer.Request} shows {keySetting} no objects; give that view at least one object to check it");
        return objects;
    }

    private static IEnumerable<string> IdsOf(IEnumerable<JsonObject> objects) => objects.Select(o => o["id"]?.ToString() ?? "").Where(id => id.Length > 0);
}
