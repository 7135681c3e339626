namespace CrewPass.Reference;

/// <summary>One request as it arrived (keys and secrets redacted, the body as base64) and the answer it got.</summary>
public sealed record SandboxExchange(string Connection, DateTimeOffset ArrivedAt, string Method, string Target,
    string Protocol, IReadOnlyList<string[]> Headers, string Body, bool BodyRedacted, SandboxAnswer Answer);
