namespace CrewPass.Reference;

public sealed record Partner(string Id, string Name, string Plan, IReadOnlyList<string> Scopes, int RateLimit, TimeSpan RateWindow);
