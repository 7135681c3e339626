namespace CrewPass.Reference;

public enum SignedMessage { TimestampNonceBody, NonceTimestampBody, BodyAlone }
