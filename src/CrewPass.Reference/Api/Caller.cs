namespace CrewPass.Reference;

/// <summary>The partner and key mode a request authenticated as.</summary>
public sealed record Caller(Partner Partner, KeyMode Mode, string Key);
