namespace CrewPass.Reference;

public sealed record ChoiceInfo(LegalChoice Choice, string Name, string Description);
