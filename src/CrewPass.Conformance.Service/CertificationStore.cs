using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrewPass.Conformance.Certification;
using CrewPass.Reference;

namespace CrewPass.Conformance.Service;

/// <summary>
/// What the service keeps: partners, invitations (their tokens stored hashed, each good once), sessions with their
/// scenarios' keys, their reports, and issued certificates. Every write is its own statement or transaction, so a
/// killed process loses nothing it acknowledged.
/// </summary>
public sealed class CertificationStore
{
    private CertificationStore(SqlDatabase database) => Database = database;

    public SqlDatabase Database { get; }

    /// <summary>PostgreSQL when a connection string is given, else SQLite in the data folder.</summary>
    public static CertificationStore Open(string data, string? postgres = null)
    {
        Directory.CreateDirectory(data);
        var database = postgres is { } connection ? SqlDatabase.Postgres(connection)
            : SqlDatabase.Sqlite(Path.Combine(data, "certification.db"));
        Schema.Ensure(database);
        return new CertificationStore(database);
    }

    public static CertificationStore InFolder(string folder) => Open(folder);

    /// <summary>A one-time invitation for the partner (made at its first): the token; only its hash is kept.</summary>
    public string Invite(string partner)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        Database.Transaction(connection =>
        {
            Run(connection,
                "INSERT INTO partners (id, name, created_at) VALUES (@id, @name, @now) ON CONFLICT DO NOTHING",
                ("@id", "ptn_" + Base64Url(RandomNumberGenerator.GetBytes(9))), ("@name", partner), ("@now", Now()));
            Run(connection, """
                INSERT INTO invitations (token_sha256, partner_id, created_at)
                SELECT @hash, id, @now FROM partners WHERE name = @name
                """, ("@hash", Sha256(token)), ("@name", partner), ("@now", Now()));
        });
        return token;
    }

    /// <summary>The partner an unused invitation stands for, marking it used; else null.</summary>
    public string? Redeem(string token) => Database.Scalar("""
        UPDATE invitations SET redeemed_at = @now WHERE token_sha256 = @hash AND redeemed_at IS NULL
        RETURNING partner_id
        """, ("@now", Now()), ("@hash", Sha256(token))) is string partner
        ? Database.Scalar("SELECT name FROM partners WHERE id = @id", ("@id", partner)) as string
        : null;

    /// <summary>The partner an unused invitation stands for, leaving it unused; else null.</summary>
    public string? Invited(string token) => Database.Scalar("""
        SELECT partners.name FROM invitations JOIN partners ON partners.id = invitations.partner_id
        WHERE token_sha256 = @hash AND redeemed_at IS NULL
        """, ("@hash", Sha256(token))) as string;

    /// <summary>
    /// A new session of the partner for the client, with a key and a signing secret per scenario: its id, the
    /// partner's capability to reach it.
    /// </summary>
    public string OpenSession(string partner, string client)
    {
        var id = "ses_" + Base64Url(RandomNumberGenerator.GetBytes(18));
        Database.Transaction(connection =>
        {
            Run(connection, """
                INSERT INTO sessions (id, partner, client, created_at, seed)
                VALUES (@id, @partner, @client, @now, @seed)
                """, ("@id", id), ("@partner", partner), ("@client", client), ("@now", Now()),
                ("@seed", RandomNumberGenerator.GetInt32(1, 1_000_000)));
            foreach (var scenario in ClientScenarios.All)
                Run(connection,
                    "INSERT INTO scenarios (api_key, session, scenario, secret) VALUES (@key, @id, @name, @secret)",
                    ("@key", PartnerDirectory.NewTestKey()), ("@id", id), ("@name", scenario.Name()),
                    ("@secret", PartnerDirectory.NewSigningSecret()));
        });
        return id;
    }

    private const string SessionColumns = """
        SELECT id, partner, client, judged_at, exit_code, certificate_id, seed, untrusted_port, clauses, not_judged
        FROM sessions
        """;

    public HostedSession? Session(string id) =>
        Database.Query($"{SessionColumns} WHERE id = @id", ReadSession, ("@id", id)).SingleOrDefault();

    /// <summary>The partner's sessions, newest first: one account across its invitations.</summary>
    public IReadOnlyList<HostedSession> SessionsOf(string partner) =>
        Database.Query($"{SessionColumns} WHERE partner = @partner ORDER BY created_at DESC", ReadSession,
            ("@partner", partner));

    public IReadOnlyList<HostedSession> Unjudged() =>
        Database.Query($"{SessionColumns} WHERE judged_at IS NULL", ReadSession);

    private static HostedSession ReadSession(DbDataReader row) => new(row.GetString(0), row.GetString(1),
        row.GetString(2), !row.IsDBNull(3), row.IsDBNull(4) ? null : row.GetInt32(4), SqlDatabase.Text(row, 5),
        row.GetInt32(6), row.IsDBNull(7) ? null : row.GetInt32(7),
        SqlDatabase.Text(row, 8) is { } clauses ? JsonSerializer.Deserialize<JudgedClause[]>(clauses)! : [],
        SqlDatabase.Text(row, 9) is { } notJudged ? JsonSerializer.Deserialize<string[]>(notJudged)! : []);

    /// <summary>How long the session's judgement took, once judged.</summary>
    public TimeSpan? JudgedIn(string id) => Database.Scalar("SELECT judged_in_ms FROM sessions WHERE id = @id",
        ("@id", id)) is { } ms ? TimeSpan.FromMilliseconds(Convert.ToDouble(ms, CultureInfo.InvariantCulture)) : null;

    public void ListensAt(string session, int port) =>
        Database.Execute("UPDATE sessions SET untrusted_port = @port WHERE id = @id",
            ("@port", port), ("@id", session));

    /// <summary>Claims the session's judgement: true for the one request (of any instance) that may judge it.</summary>
    public bool StartJudging(string id) => Database.Execute(
        "UPDATE sessions SET judged_at = @now WHERE id = @id AND judged_at IS NULL", ("@now", Now()), ("@id", id)) == 1;

    /// <summary>
    /// Reopens the sessions whose judgement was claimed that long ago and never stored: the instance judging them died.
    /// </summary>
    public int ReopenAbandoned(TimeSpan after) => Database.Execute(
        "UPDATE sessions SET judged_at = NULL WHERE exit_code IS NULL AND judged_at < @cutoff",
        ("@cutoff", (DateTimeOffset.UtcNow - after).ToString("O")));

    public void StopJudging(string id) => Database.Execute(
        "UPDATE sessions SET judged_at = NULL WHERE id = @id AND exit_code IS NULL", ("@id", id));

    /// <param name="took">From the claim to the verdict stored: what the bench reports as the judgement's time.</param>
    public void Judged(string id, int exitCode, string? certificateId, IReadOnlyList<JudgedClause> clauses,
        IReadOnlyList<string> notJudged, TimeSpan took) => Database.Execute("""
            UPDATE sessions SET judged_at = @now, exit_code = @code, certificate_id = @certificate, clauses = @clauses,
                not_judged = @notJudged, judged_in_ms = @took
            WHERE id = @id
            """, ("@now", Now()), ("@code", exitCode), ("@certificate", certificateId),
        ("@took", (int)took.TotalMilliseconds),
        ("@clauses", JsonSerializer.Serialize(clauses)), ("@notJudged", JsonSerializer.Serialize(notJudged)),
        ("@id", id));

    /// <summary>
    /// A file the judgement made (report, certificate picture), kept with the session, not on one machine.
    /// </summary>
    public void SaveFile(string session, string name, byte[] content) => Database.Execute("""
        INSERT INTO session_files (session, name, content) VALUES (@session, @name, @content)
        ON CONFLICT (session, name) DO UPDATE SET content = excluded.content
        """, ("@session", session), ("@name", name), ("@content", content));

    public byte[]? File(string session, string name) => Database.Scalar(
        "SELECT content FROM session_files WHERE session = @session AND name = @name",
        ("@session", session), ("@name", name)) as byte[];

    public void Register(CertificateClaims claims, string signed) => Database.Execute("""
        INSERT INTO certificates (id, partner, client, claims, signed, issued_at)
        VALUES (@id, @partner, @client, @claims, @signed, @issued)
        """, ("@id", claims.Id), ("@partner", claims.Partner), ("@client", claims.Client),
        ("@claims", JsonSerializer.Serialize(claims)), ("@signed", signed), ("@issued", claims.IssuedAt.ToString("O")));

    /// <summary>Revokes a certificate, saying why; false when there is none or it was revoked already.</summary>
    public bool Revoke(string id, string why) => Database.Execute(
        "UPDATE certificates SET revoked_at = @now, revoked_why = @why WHERE id = @id AND revoked_at IS NULL",
        ("@now", Now()), ("@why", why), ("@id", id)) == 1;

    private const string CertificateColumns = "SELECT claims, signed, revoked_at, revoked_why FROM certificates";

    public RegisteredCertificate? Find(string id) =>
        Database.Query($"{CertificateColumns} WHERE id = @id", ReadCertificate, ("@id", id)).SingleOrDefault();

    public IReadOnlyList<RegisteredCertificate> All() =>
        Database.Query($"{CertificateColumns} ORDER BY issued_at DESC", ReadCertificate);

    private static RegisteredCertificate ReadCertificate(DbDataReader row) => new(
        JsonSerializer.Deserialize<CertificateClaims>(row.GetString(0))!, row.GetString(1),
        SqlDatabase.Text(row, 2) is { } revoked ? DateTimeOffset.Parse(revoked, CultureInfo.InvariantCulture) : null,
        SqlDatabase.Text(row, 3));

    /// <summary>
    /// A setting every instance must share (the sandbox's certificates): the first instance's, made once.
    /// </summary>
    public string Setting(string name, Func<string> make)
    {
        Database.Execute("INSERT INTO settings (name, value) VALUES (@name, @value) ON CONFLICT DO NOTHING",
            ("@name", name), ("@value", make()));
        return (string)Database.Scalar("SELECT value FROM settings WHERE name = @name", ("@name", name))!;
    }

    private static void Run(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = SqlDatabase.Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O");

    private static string Sha256(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
