namespace CrewPass.Reference;

public enum WriteSurface { Disabled, Enabled }
