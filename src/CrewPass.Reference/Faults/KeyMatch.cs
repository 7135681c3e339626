namespace CrewPass.Reference;

public enum KeyMatch { Exact, Prefix, CaseInsensitive }
