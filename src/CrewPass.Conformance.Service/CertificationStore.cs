using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrewPass.Conformance.Certification;
using Microsoft.Data.Sqlite;

namespace CrewPass.Conformance.Service;

/// <summary>
/// What the service keeps: partners, invitations (their tokens stored hashed, each good once) and issued certificates.
/// SQLite in the data folder; every write is a transaction, so a killed process loses nothing it acknowledged.
/// </summary>
public sealed class CertificationStore(string connectionString)
{
    public static CertificationStore InFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        var store = new CertificationStore(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder,
            "certification.db")
        }.ToString());
        store.EnsureCreated();
        return store;
    }

    private void EnsureCreated() => Execute("""
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS partners (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS invitations (token_sha256 TEXT PRIMARY KEY,
            partner_id TEXT NOT NULL REFERENCES partners(id),
            created_at TEXT NOT NULL, redeemed_at TEXT);
        CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, partner TEXT NOT NULL, client TEXT NOT NULL,
            created_at TEXT NOT NULL,
            judged_at TEXT, exit_code INTEGER, certificate_id TEXT);
        CREATE TABLE IF NOT EXISTS certificates (id TEXT PRIMARY KEY, partner TEXT NOT NULL, client TEXT NOT NULL,
            claims TEXT NOT NULL,
            signed TEXT NOT NULL, issued_at TEXT NOT NULL, revoked_at TEXT, revoked_why TEXT);
        """);

    /// <summary>A one-time invitation for the partner (made at its first): the token; only its hash is kept.</summary>
    public string Invite(string partner)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "INSERT OR IGNORE INTO partners (id, name, created_at) VALUES ($id, $name, $now)",
            ("$id", "ptn_" + Base64Url(RandomNumberGenerator.GetBytes(9))), ("$name", partner), ("$now", Now()));
        Execute(connection, """
            INSERT INTO invitations (token_sha256, partner_id, created_at)
            SELECT $hash, id, $now FROM partners WHERE name = $name
            """,
            ("$hash", Sha256(token)), ("$name", partner), ("$now", Now()));
        transaction.Commit();
        return token;
    }

    /// <summary>The partner an unused invitation stands for, marking it used; else null.</summary>
    public string? Redeem(string token)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE invitations SET redeemed_at = $now WHERE token_sha256 = $hash AND redeemed_at IS NULL
            RETURNING (SELECT name FROM partners WHERE partners.id = invitations.partner_id)
            """;
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$hash", Sha256(token));
        return command.ExecuteScalar() as string;
    }

    /// <summary>The partner an unused invitation stands for, leaving it unused; else null.</summary>
    public string? Invited(string token)
    {
        using var connection = Open();
        using var command = Command(connection, """
            SELECT partners.name FROM invitations JOIN partners ON partners.id = invitations.partner_id
            WHERE token_sha256 = $hash AND redeemed_at IS NULL
            """, [("$hash", Sha256(token))]);
        return command.ExecuteScalar() as string;
    }

    /// <summary>A new session of the partner for the client: its id, the partner's capability to reach it.</summary>
    public string OpenSession(string partner, string client)
    {
        var id = "ses_" + Base64Url(RandomNumberGenerator.GetBytes(18));
        Execute("INSERT INTO sessions (id, partner, client, created_at) VALUES ($id, $partner, $client, $now)",
            ("$id", id), ("$partner", partner), ("$client", client), ("$now", Now()));
        return id;
    }

    public HostedSession? Session(string id)
    {
        using var connection = Open();
        using var command = Command(connection,
            "SELECT partner, client, judged_at, exit_code, certificate_id FROM sessions WHERE id = $id", [("$id", id)]);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new HostedSession(id, reader.GetString(0), reader.GetString(1), !reader.IsDBNull(2), reader.IsDBNull(3)
                ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4))
            : null;
    }

    public void Judged(string id, int exitCode, string? certificateId) =>
        Execute("UPDATE sessions SET judged_at = $now, exit_code = $code, certificate_id = $certificate WHERE id = $id",
            ("$now", Now()), ("$code", exitCode), ("$certificate", (object?)certificateId ?? DBNull.Value), ("$id",
                id));

    public void Register(CertificateClaims claims, string signed) => Execute("""
        INSERT INTO certificates (id, partner, client, claims, signed, issued_at) VALUES ($id, $partner, $client,
            $claims, $signed, $issued)
        """, ("$id", claims.Id), ("$partner", claims.Partner), ("$client", claims.Client),
        ("$claims", JsonSerializer.Serialize(claims)),
        ("$signed", signed), ("$issued", claims.IssuedAt.ToString("O")));

    /// <summary>Revokes a certificate, saying why; false when there is none or it was revoked already.</summary>
    public bool Revoke(string id, string why) =>
        Execute("UPDATE certificates SET revoked_at = $now, revoked_why = $why WHERE id = $id AND revoked_at IS NULL",
            ("$now", Now()), ("$why", why), ("$id", id)) == 1;

    private const string Columns = "SELECT claims, signed, revoked_at, revoked_why FROM certificates";

    public RegisteredCertificate? Find(string id) => Query($"{Columns} WHERE id = $id", ("$id", id)).SingleOrDefault();

    public IReadOnlyList<RegisteredCertificate> All() => Query($"{Columns} ORDER BY issued_at DESC");

    private List<RegisteredCertificate> Query(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var found = new List<RegisteredCertificate>();
        while (reader.Read())
            found.Add(new RegisteredCertificate(JsonSerializer.Deserialize<CertificateClaims>(reader.GetString(0))!,
                reader.GetString(1),
                reader.IsDBNull(2) ? null : DateTimeOffset.Parse(reader.GetString(2),
                    System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        return found;
    }

    private int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        return Execute(connection, sql, parameters);
    }

    private static int Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name,
        object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O");

    private static string Sha256(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+',
        '-').Replace('/', '_');
}
