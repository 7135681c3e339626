using CrewPass.Reference;

namespace CrewPass.Conformance.Service;

/// <summary>
/// One scenario of one session, as its key names it: the key alone says whose request it is and what it plays.
/// </summary>
public sealed record ScenarioKey(string Key, string Session, ClientScenario Scenario, string Secret, int Seed,
    bool Judged);
