namespace CrewPass.Reference;

/// <summary>
/// What a scenario remembers between requests: whether its one-off play (the first request's 429, the first write's
/// dropped connection) happened yet. Kept where the session's nonces are, so any instance plays it once.
/// </summary>
public interface IScenarioMemory
{
    /// <summary>True exactly once per event name; false ever after.</summary>
    bool FirstTime(string @event);
}
