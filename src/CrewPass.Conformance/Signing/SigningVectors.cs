using System.Text;
using System.Text.Json;
using CrewPass.Conformance.Schemas;

namespace CrewPass.Conformance.Signing;

/// <summary>fixtures/signing/vectors.json, checked against its schema: the page's own function's outputs and the values a verifier must refuse.</summary>
public sealed record SigningVectors(IReadOnlyList<PositiveVector> Positive, IReadOnlyList<NegativeVector> Negative, NegativeRequest NegativeRequest)
{
    public const string File = "fixtures/signing/vectors.json";
    public const string SchemaFile = "fixtures/signing/vectors.schema.json";

    /// <param name="baseDirectory">Where fixtures/ sits.</param>
    /// <param name="path">Another vectors file to load instead of the bundled one.</param>
    public static SigningVectors Load(string baseDirectory, string? path = null)
    {
        path ??= Path.Combine(baseDirectory, File);
        var json = System.IO.File.ReadAllText(path);
        var violations = new SchemaCatalogue(baseDirectory).Violations(SchemaFile, json);
        if (violations.Count > 0) throw new InvalidDataException($"{path} does not match {SchemaFile}: {string.Join("; ", violations)}");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var positive = root.GetProperty("positive").EnumerateArray().Select(v => new PositiveVector(
            v.GetProperty("name").GetString()!, v.GetProperty("why").GetString()!, v.GetProperty("secret").GetString()!,
            v.GetProperty("timestamp").GetString()!, v.GetProperty("nonce").GetString()!,
            v.TryGetProperty("body", out var text) ? Encoding.UTF8.GetBytes(text.GetString()!) : Convert.FromBase64String(v.GetProperty("bodyBase64").GetString()!),
            Convert.FromBase64String(v.GetProperty("messageBase64").GetString()!), v.GetProperty("signature").GetString()!)).ToArray();
        var negative = root.GetProperty("negative").Deserialize<NegativeVector[]>(options)!;
        var request = root.GetProperty("negativeRequest").Deserialize<NegativeRequest>(options)!;
        return new SigningVectors(positive, negative, request);
    }
}
