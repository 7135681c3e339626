namespace CrewPass.Reference;

public enum DigestForm { V1With64Hex, AnyScheme, FirstHalfOnly }
