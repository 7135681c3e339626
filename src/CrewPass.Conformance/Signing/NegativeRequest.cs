namespace CrewPass.Conformance.Signing;

public sealed record NegativeRequest(string Secret, string Timestamp, string Nonce, string Body, string ServerTime);
