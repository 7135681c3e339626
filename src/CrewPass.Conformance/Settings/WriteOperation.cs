namespace CrewPass.Conformance.Settings;

/// <summary>A documented mutating operation of the v2 write surface; <c>Schema</c> is its 201 body's (HTTP-01), when known.</summary>
public sealed record WriteOperation(string Name, string Method, string Path, string Body, string? Schema = null);
