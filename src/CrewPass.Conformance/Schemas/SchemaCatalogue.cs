using System.Collections.Concurrent;
using NJsonSchema;

namespace CrewPass.Conformance.Schemas;

/// <summary>The body schemas of schemas/, loaded once and validated with NJsonSchema (draft-07 keywords it enforces).</summary>
public sealed class SchemaCatalogue(string directory)
{
    public const string Error = "error.schema.json";

    private readonly ConcurrentDictionary<string, Lazy<JsonSchema>> _schemas = new(StringComparer.Ordinal);

    public string Directory { get; } = directory;

    public static SchemaCatalogue Bundled { get; } = new(Path.Combine(AppContext.BaseDirectory, "schemas"));

    /// <summary>The violations of a body against a schema; empty when it conforms. A body that is not JSON is one violation.</summary>
    public IReadOnlyList<string> Violations(string schemaFile, string body)
    {
        var schema = Load(schemaFile);
        try
        {
            return schema.Validate(body).Select(e => $"{(string.IsNullOrEmpty(e.Path) ? "#" : e.Path)}: {e.Kind}").ToArray();
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            return [$"not JSON: {e.Message}"];
        }
    }

    public JsonSchema Load(string schemaFile) =>
        _schemas.GetOrAdd(schemaFile, file => new Lazy<JsonSchema>(() =>
            JsonSchema.FromFileAsync(Path.Combine(Directory, file)).GetAwaiter().GetResult())).Value;
}
