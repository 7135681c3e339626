namespace CrewPass.Conformance.Service;

/// <summary>How the service runs: its data and key, where it listens, the public URL it signs as.</summary>
/// <param name="Data">The data folder: the SQLite database and (unless <paramref name="Key"/>) the key.</param>
/// <param name="PublicUrl">Where partners and verifiers reach it (the issuer); by default where it listens.</param>
/// <param name="Key">A PEM or PFX file holding the issuer's ECDSA P-256 key, instead of the data folder's own.</param>
public sealed record ServiceOptions(string Data, int Port = 0, Uri? PublicUrl = null, string? Key = null,
    string? KeyPassword = null);
