namespace CrewPass.Reference;

public enum KeyMode { Live, Test }
