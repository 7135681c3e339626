using System.Text.Json;
using Bogus;
using CrewPass.Conformance.Schemas;

namespace CrewPass.Conformance.Keys;

/// <summary>The invalid-credential corpus of fixtures/keys, checked against its own schema, plus keys Bogus makes from a seed.</summary>
public static class CredentialCorpus
{
    public const string File = "fixtures/keys/invalid-credentials.json";
    public const string SchemaFile = "fixtures/keys/invalid-credentials.schema.json";

    public static IReadOnlyList<CredentialCase> Load(string baseDirectory)
    {
        var json = System.IO.File.ReadAllText(Path.Combine(baseDirectory, File));
        var violations = new SchemaCatalogue(baseDirectory).Violations(SchemaFile, json);
        if (violations.Count > 0) throw new InvalidDataException($"{File} does not match {SchemaFile}: {string.Join("; ", violations)}");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("cases").EnumerateArray().SelectMany(Expand).ToArray();
    }

    /// <summary>Malformed keys from a seed: odd prefixes, lengths and characters, none of which can be a real key.</summary>
    public static IReadOnlyList<CredentialCase> Generated(int seed, int count)
    {
        var random = new Randomizer(seed);
        string[] prefixes = ["cpk_live_", "cpk_test_", "cpk_", "cpk_live", "", "sk_live_", "CPK_LIVE_", "cpk-live-", "cpk_live__", "cpk_test_cpk_live_"];
        const string characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/=";
        return Enumerable.Range(1, count).Select(i =>
        {
            var key = random.ArrayElement(prefixes) + random.String2(random.Int(0, 48), characters);
            var presentation = random.Bool() ? Presentation.Bearer : Presentation.ApiKeyHeader;
            return new CredentialCase($"generated-{i:D2}", "KEY-01", $"a malformed key generated from seed {seed}", key, presentation);
        }).ToArray();
    }

    private static IEnumerable<CredentialCase> Expand(JsonElement item)
    {
        var name = item.GetProperty("name").GetString()!;
        var clause = item.GetProperty("clause").GetString()!;
        var why = item.GetProperty("why").GetString()!;
        if (item.TryGetProperty("authorization", out var authorization))
        {
            yield return new CredentialCase(name, clause, why, authorization.GetString()!, Presentation.RawAuthorization);
            yield break;
        }
        foreach (var form in item.GetProperty("presentAs").EnumerateArray())
            yield return new CredentialCase(name, clause, why, item.GetProperty("key").GetString()!,
                form.GetString() == "bearer" ? Presentation.Bearer : Presentation.ApiKeyHeader);
    }
}
