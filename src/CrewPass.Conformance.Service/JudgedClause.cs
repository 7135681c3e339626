using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Service;

/// <summary>A clause as a session's judgement left it: what the session page lists.</summary>
public sealed record JudgedClause(string Id, string Level, Outcome Status);
