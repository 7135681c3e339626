using System.Text.Json.Nodes;
using CrewPass.Conformance.Keys;
using CrewPass.Conformance.Schemas;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>Each schema takes the reference's bodies and refuses bodies that break it: NJsonSchema ignores keywords silently, so every rule is shown to bite.</summary>
public sealed class SchemaTests
{
    private static readonly SchemaCatalogue Schemas = new(Repository.Path("schemas"));

    private const string Partner = """{"partner_id": "ptn_acme", "name": "Acme", "plan": "fleet-pro", "mode": "live", "scopes": ["partners:read", "vessels:read"], "extra": 1}""";
    private const string VesselList = """{"data": [{"id": "ves_1", "name": "Nordic", "imo_number": "9074729", "flag": "GB", "livemode": true, "extra": {}}]}""";
    private const string Error = """{"error": {"code": "invalid_api_key", "message": "The API key is missing or invalid.", "doc": "x"}}""";

    [TestCase("partner.schema.json", Partner)]
    [TestCase("vessel-list.schema.json", VesselList)]
    [TestCase("error.schema.json", Error)]
    public void A_conforming_body_with_extra_fields_passes(string schema, string body) =>
        Schemas.Violations(schema, body).Should().BeEmpty();

    public static IEnumerable<TestCaseData> BrokenBodies()
    {
        TestCaseData Case(string schema, string name, string body, Action<JsonNode> breakIt)
        {
            var node = JsonNode.Parse(body)!;
            breakIt(node);
            return new TestCaseData(schema, node.ToJsonString()).SetArgDisplayNames(schema, name);
        }
        yield return Case("partner.schema.json", "missing partner_id", Partner, n => n.AsObject().Remove("partner_id"));
        yield return Case("partner.schema.json", "missing scopes", Partner, n => n.AsObject().Remove("scopes"));
        yield return Case("partner.schema.json", "scopes as a string", Partner, n => n["scopes"] = "partners:read,vessels:read");
        yield return Case("partner.schema.json", "duplicate scopes", Partner, n => n["scopes"] = new JsonArray("a", "a"));
        yield return Case("partner.schema.json", "empty scope", Partner, n => n["scopes"] = new JsonArray(""));
        yield return Case("partner.schema.json", "wrong mode value", Partner, n => n["mode"] = "production");
        yield return Case("partner.schema.json", "partner_id a number", Partner, n => n["partner_id"] = 7);
        yield return new TestCaseData("partner.schema.json", "[]").SetArgDisplayNames("partner.schema.json", "not an object");
        yield return Case("vessel-list.schema.json", "missing data", VesselList, n => n.AsObject().Remove("data"));
        yield return Case("vessel-list.schema.json", "vessel without livemode", VesselList, n => n["data"]![0]!.AsObject().Remove("livemode"));
        yield return Case("vessel-list.schema.json", "livemode a string", VesselList, n => n["data"]![0]!["livemode"] = "true");
        yield return Case("vessel-list.schema.json", "imo_number of six digits", VesselList, n => n["data"]![0]!["imo_number"] = "907472");
        yield return Case("vessel-list.schema.json", "imo_number a number", VesselList, n => n["data"]![0]!["imo_number"] = 9074729);
        yield return Case("vessel-list.schema.json", "data an object", VesselList, n => n["data"] = new JsonObject());
        yield return Case("error.schema.json", "missing error", Error, n => n.AsObject().Remove("error"));
        yield return Case("error.schema.json", "missing code", Error, n => n["error"]!.AsObject().Remove("code"));
        yield return Case("error.schema.json", "missing message", Error, n => n["error"]!.AsObject().Remove("message"));
        yield return Case("error.schema.json", "code a number", Error, n => n["error"]!["code"] = 401);
        yield return Case("error.schema.json", "error a string", Error, n => n["error"] = "invalid_api_key");
    }

    [TestCaseSource(nameof(BrokenBodies))]
    public void A_body_that_breaks_the_schema_fails(string schema, string body)
        => Schemas.Violations(schema, body).Should().NotBeEmpty();

    [Test]
    public void A_body_that_is_not_JSON_fails() => Schemas.Violations("error.schema.json", "Unauthorized").Should().NotBeEmpty();

    [Test]
    public void The_invalid_credential_corpus_matches_its_schema() =>
        CredentialCorpus.Load(Repository.Root).Should().HaveCountGreaterThan(30);

    [TestCase("""{"cases": [{"name": "x", "clause": "KEY-01", "why": "w", "key": "k"}]}""", TestName = "key without presentAs")]
    [TestCase("""{"cases": [{"name": "x", "clause": "KEY-01", "why": "w", "key": "k", "presentAs": ["bearer"], "authorization": "Bearer k"}]}""", TestName = "both key and authorization")]
    [TestCase("""{"cases": [{"name": "x", "clause": "AUTH-01", "why": "w", "authorization": "k"}]}""", TestName = "a clause the corpus does not serve")]
    [TestCase("""{"cases": [{"name": "Bad Name", "clause": "KEY-01", "why": "w", "authorization": "k"}]}""", TestName = "a name that is not kebab-case")]
    [TestCase("""{"cases": [{"name": "x", "clause": "KEY-01", "why": "w", "key": "k", "presentAs": ["query"]}]}""", TestName = "an unknown presentation")]
    [TestCase("""{"cases": [{"name": "x", "clause": "KEY-01", "why": "w", "authorization": "k", "extra": 1}]}""", TestName = "an unknown field")]
    [TestCase("""{"cases": []}""", TestName = "no cases")]
    public void A_broken_corpus_fails_its_schema(string corpus) =>
        new SchemaCatalogue(Repository.Root).Violations("fixtures/keys/invalid-credentials.schema.json", corpus).Should().NotBeEmpty();
}
