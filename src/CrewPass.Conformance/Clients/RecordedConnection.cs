namespace CrewPass.Conformance.Clients;

/// <summary>A connection the sandbox accepted, before TLS: a client that refused the certificate still left one.</summary>
public sealed record RecordedConnection(string Id, DateTimeOffset OpenedAt);
