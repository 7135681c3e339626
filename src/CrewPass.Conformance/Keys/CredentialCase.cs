using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bogus;
using CrewPass.Conformance.Schemas;

namespace CrewPass.Conformance.Keys;

/// <summary>How a credential is put on a request.</summary>
public enum Presentation { Bearer, ApiKeyHeader, RawAuthorization }

/// <summary>One invalid credential of the corpus, still a template: the key it names is filled in at run time.</summary>
public sealed record CredentialCase(string Name, string Clause, string Why, string Template, Presentation Presentation)
{
    public string PresentationName => Presentation switch
    {
        Presentation.Bearer => "bearer",
        Presentation.ApiKeyHeader => "x-partner-api-key",
        _ => "authorization",
    };

    /// <summary>The settings the template needs (LiveKey, RevokedKey, …).</summary>
    public IReadOnlyList<string> Needs => CredentialTemplate.SettingsNamed(Template);

    public override string ToString() => $"{Name} via {PresentationName}";
}

/// <summary>Fills a credential template: {Setting}, {Setting:transform}, {random:N}, {repeat:C:N}, {char:HEX}.</summary>
public static partial class CredentialTemplate
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    [GeneratedRegex(@"\{([A-Za-z]+)(?::([^}]*))?\}")]
    private static partial Regex Placeholder();

    public static IReadOnlyList<string> SettingsNamed(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).Where(n => n is not ("random" or "repeat" or "char")).Distinct().ToArray();

    public static string Fill(string template, Func<string, string> setting, Randomizer random) =>
        Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            var argument = m.Groups[2].Success ? m.Groups[2].Value : null;
            return name switch
            {
                "random" => random.String2(int.Parse(argument!, CultureInfo.InvariantCulture), Alphanumerics),
                "repeat" => new string(argument![0], int.Parse(argument[2..], CultureInfo.InvariantCulture)),
                "char" => ((char)int.Parse(argument!, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
                _ => Transform(setting(name), argument),
            };
        });

    private static string Transform(string key, string? transform) => transform switch
    {
        null => key,
        "truncated" => key[..^1],
        "appended" => key + "x",
        "swapcase" => string.Concat(key.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))),
        "body" => key[(key.LastIndexOf('_') + 1)..],
        "basic" => Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")),
        _ => throw new FormatException($"unknown template transform '{transform}'"),
    };
}

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
