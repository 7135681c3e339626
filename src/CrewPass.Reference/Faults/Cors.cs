namespace CrewPass.Reference;

/// <summary>Cross-origin access: none (the page's "never in a browser"), or a door a fault opens.</summary>
public enum Cors { None, Wildcard, ReflectOrigin, NullOrigin }
