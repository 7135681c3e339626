namespace CrewPass.Reference;

public sealed record Credential(string Key, Partner Partner, KeyMode Mode, CredentialKind Kind, bool Revoked);
