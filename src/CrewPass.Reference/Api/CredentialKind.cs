namespace CrewPass.Reference;

public enum CredentialKind { ApiKey, WidgetKey }
