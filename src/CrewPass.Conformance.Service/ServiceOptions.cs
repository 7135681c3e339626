namespace CrewPass.Conformance.Service;

/// <summary>How the service runs: its data and key, where it listens, the public URL it signs as.</summary>
/// <param name="Data">The data folder: the SQLite database and (unless <paramref name="Key"/>) the key.</param>
/// <param name="PublicUrl">Where partners and verifiers reach it (the issuer); by default where it listens.</param>
/// <param name="Key">A PEM or PFX file holding the issuer's ECDSA P-256 key, instead of the data folder's own.</param>
/// <param name="Database">A PostgreSQL connection string: several instances share it, instead of the folder's
/// SQLite.</param>
/// <param name="SandboxPort">The sandbox's HTTPS port (127.0.0.1); 0 picks a free one.</param>
/// <param name="SandboxUrl">Where partners' clients reach the sandbox; by default where it listens.</param>
public sealed record ServiceOptions(string Data, int Port = 0, Uri? PublicUrl = null, string? Key = null,
    string? KeyPassword = null, string? Database = null, int SandboxPort = 0, Uri? SandboxUrl = null);
