namespace CrewPass.Conformance.Settings;

/// <summary>A catalogued read endpoint (CONTRACT.md, "The catalogue of endpoints"), or a profile's row.</summary>
public sealed record Endpoint(string Method, string Path, string? Scope, string Schema, BodyShape Shape)
{
    /// <summary>Every schema a success body must match: the catalogue's own, and one a profile row adds to it.</summary>
    public IReadOnlyList<string> Schemas { get; init; } = [Schema];

    public override string ToString() => $"{Method} {Path}";
}
