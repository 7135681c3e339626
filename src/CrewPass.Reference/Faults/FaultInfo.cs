namespace CrewPass.Reference;

public sealed record FaultInfo(Fault Fault, string Name, string Description, IReadOnlyList<string> Clauses, bool OnAnyRead);
