namespace CrewPass.Reference;

[Flags]
public enum NonceKey { NonceOnly = 0, Body = 1, Timestamp = 2 }
