namespace CrewPass.Reference;

public enum WidgetKeys { Refused, AcceptedViaApiKeyHeader, AcceptedAsLive }
