using System.Globalization;
using System.Text.Json;
using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Schemas;
using CrewPass.Conformance.Settings;

namespace CrewPass.Conformance.Reporting;

/// <summary>The KnownDeviations file, checked against schemas/known-deviations.schema.json.</summary>
public static class KnownDeviations
{
    public const string SchemaFile = "known-deviations.schema.json";
    public const int MaxDaysAhead = 90;

    public static IReadOnlyList<KnownDeviation> Load(string? path, SchemaCatalogue schemas)
    {
        if (path is null) return [];
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HarnessConfigurationException("KnownDeviations", $"KnownDeviations {path}: cannot be read: {e.Message}");
        }
        var violations = schemas.Violations(SchemaFile, json);
        if (violations.Count > 0)
            throw new HarnessConfigurationException("KnownDeviations", $"KnownDeviations {path} does not match {SchemaFile}: {string.Join("; ", violations)}");
        using var document = JsonDocument.Parse(json);
        var deviations = document.RootElement.GetProperty("deviations").EnumerateArray().Select(d => new KnownDeviation(
            d.GetProperty("clause").GetString()!,
            d.TryGetProperty("test", out var test) ? test.GetString() : null,
            d.GetProperty("reason").GetString()!,
            DateOnly.ParseExact(d.GetProperty("expires").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture))).ToArray();
        if (deviations.FirstOrDefault(d => !ClauseCatalogue.Exists(d.Clause)) is { } unknown)
            throw new HarnessConfigurationException("KnownDeviations", $"KnownDeviations {path}: '{unknown.Clause}' is not a clause of CONTRACT.md");
        // An accepted failure is a promise to fix it soon; one that expires years ahead is a silenced check.
        var latest = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(MaxDaysAhead);
        if (deviations.FirstOrDefault(d => d.Expires > latest) is { } distant)
            throw new HarnessConfigurationException("KnownDeviations",
                $"KnownDeviations {path}: the entry for {distant.Clause} expires {distant.Expires:yyyy-MM-dd}, more than {MaxDaysAhead} days ahead (latest {latest:yyyy-MM-dd}); give it a nearer expiry and renew it when it comes");
        return deviations;
    }
}
