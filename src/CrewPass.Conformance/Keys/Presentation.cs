namespace CrewPass.Conformance.Keys;

/// <summary>How a credential is put on a request.</summary>
public enum Presentation { Bearer, ApiKeyHeader, RawAuthorization }
