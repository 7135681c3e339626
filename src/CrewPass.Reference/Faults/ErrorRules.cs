namespace CrewPass.Reference;

/// <summary>How the reference writes its refusals. The defaults are the contract's.</summary>
public sealed record ErrorRules
{
    public int InvalidKeyStatus { get; init; } = StatusCodes.Status401Unauthorized;
    public int RevokedKeyStatus { get; init; } = StatusCodes.Status401Unauthorized;
    public string InvalidKeyCode { get; init; } = "invalid_api_key";
    public bool EchoesKeyInMessage { get; init; }
    public bool Challenges { get; init; } = true;
    public bool ChallengesWidgetRefusals { get; init; } = true;
    public bool ScopeRefusalAsInvalidKey { get; init; }
    public string MediaType { get; init; } = "application/json; charset=utf-8";
    public bool SignatureRefusalHasMessage { get; init; } = true;
}
