namespace CrewPass.Conformance.Settings;

/// <summary>What a read answers with: a list (<c>{"data": [...]}</c>) or one object.</summary>
public enum BodyShape { List, Object }
