using System.Text.Json.Nodes;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites;

/// <summary>DATA: "cpk_live_… operates on production data. cpk_test_… operates on test-flagged data." Live and test never mix.</summary>
public sealed class DataSuite(string target) : ConformanceSuite(target)
{
    /// <summary>Every object a live key sees is live, every object a test key sees is test, and each says so.</summary>
    [Clause("DATA-01")]
    [TestCaseSource(nameof(ListEndpointsAndKeys))]
    public async Task DATA_01_Every_object_matches_the_key_mode(Endpoint endpoint, string keySetting)
    {
        var answer = await Target.ObserveAsync(endpoint.Path, keySetting);
        var objects = ObjectsOf(answer, keySetting);
        var livemode = keySetting == "LiveKey";
        var wrong = objects.Where(o => o["livemode"] is not JsonValue v || !v.TryGetValue<bool>(out var b) || b != livemode).ToArray();
        Expect(wrong.Length == 0, $"every object with livemode: {livemode.ToString().ToLowerInvariant()}",
            $"{wrong.Length} of {objects.Count} objects otherwise, first: {wrong.FirstOrDefault()?.ToJsonString()}", answer);
    }

    /// <summary>The live view and the test view of one partner share no object id.</summary>
    [Clause("DATA-02")]
    [TestCaseSource(typeof(Cases), nameof(Cases.EachListEndpoint))]
    public async Task DATA_02_Live_and_test_views_share_no_id(Endpoint endpoint)
    {
        var live = await Target.ObserveAsync(endpoint.Path, "LiveKey");
        var test = await Target.ObserveAsync(endpoint.Path, "TestKey");
        var shared = IdsOf(ObjectsOf(live, "LiveKey")).Intersect(IdsOf(ObjectsOf(test, "TestKey"))).ToArray();
        Expect(shared.Length == 0, "no id in both the live and the test view", $"shared ids: {string.Join(", ", shared)}", live, test);
    }

    /// <summary>Another partner's key never sees this partner's objects, live or test.</summary>
    [Clause("DATA-03")]
    [TestCaseSource(typeof(Cases), nameof(Cases.EachListEndpoint))]
    public async Task DATA_03_Another_partner_never_sees_this_partners_objects(Endpoint endpoint)
    {
        Need("OtherPartnerKey");
        var other = await Target.ObserveAsync(endpoint.Path, "OtherPartnerKey");
        var live = await Target.ObserveAsync(endpoint.Path, "LiveKey");
        var test = await Target.ObserveAsync(endpoint.Path, "TestKey");
        var ours = IdsOf(ObjectsOf(live, "LiveKey")).Concat(IdsOf(ObjectsOf(test, "TestKey"))).ToHashSet();
        var leaked = IdsOf(ObjectsOf(other, "OtherPartnerKey", allowEmpty: true)).Where(ours.Contains).ToArray();
        Expect(leaked.Length == 0, "OtherPartnerKey's view to hold none of this partner's ids", $"it holds {string.Join(", ", leaked)}", other, live);
    }

    public static IEnumerable<TestCaseData> ListEndpointsAndKeys() => Cases.EachEndpointWith(Cases.ListEndpoints, "LiveKey", "TestKey");

    /// <summary>The objects of a list answer. An empty view proves nothing, so it skips and says what data is missing.</summary>
    private IReadOnlyList<JsonObject> ObjectsOf(Exchange answer, string keySetting, bool allowEmpty = false)
    {
        // A refused or failed read shows no data at all: AUTH and ME judge the refusal, DATA can conclude nothing from it.
        if (!answer.IsSuccess || answer.Json?["data"] is not JsonArray)
            throw new Inconclusive($"{answer.Request} with {keySetting} answered {Summary(answer)}, not a data list", answer);
        var objects = ((JsonArray)answer.Json!["data"]!).OfType<JsonObject>().ToArray();
        if (objects.Length == 0 && !allowEmpty)
            throw new NeedsSetting("data", $"{answer.Request} shows {keySetting} no objects; give that view at least one object to check it");
        return objects;
    }

    private static IEnumerable<string> IdsOf(IEnumerable<JsonObject> objects) => objects.Select(o => o["id"]?.ToString() ?? "").Where(id => id.Length > 0);
}
