namespace CrewPass.Reference;

/// <summary>Why a signed request was refused: the error code and a message for the caller.</summary>
public sealed record SignatureRefusal(string Code, string Message);
