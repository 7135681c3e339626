namespace CrewPass.Conformance.Clients;

/// <summary>What the sandbox answered, or that it dropped the connection before answering.</summary>
public sealed record RecordedAnswer(int? Status, DateTimeOffset? At, string? RetryAfter, bool Dropped);
