namespace CrewPass.Reference;

public enum ScopeCheck { Always, BearerOnly, Never }
