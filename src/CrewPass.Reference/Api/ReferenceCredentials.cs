namespace CrewPass.Reference;

/// <summary>The keys and secrets a harness needs to test this deployment. Freshly random for every instance.</summary>
public sealed record ReferenceCredentials(
    string LiveKey, string TestKey, string WidgetKey, string RevokedKey, string RestrictedKey,
    string OtherPartnerKey, string RateLimitKey, string SigningSecret, string OtherSigningSecret);
