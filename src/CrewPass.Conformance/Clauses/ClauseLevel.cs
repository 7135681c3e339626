namespace CrewPass.Conformance.Clauses;

public enum ClauseLevel { Must, Should }
