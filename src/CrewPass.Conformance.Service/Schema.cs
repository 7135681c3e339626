namespace CrewPass.Conformance.Service;

/// <summary>
/// The service's tables, made at start if missing; two instances starting at once on PostgreSQL take turns.
/// </summary>
public static class Schema
{
    public static void Ensure(SqlDatabase database)
    {
        var id = database.IsPostgres ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
            : "INTEGER PRIMARY KEY AUTOINCREMENT";
        var blob = database.IsPostgres ? "BYTEA" : "BLOB";
        // On PostgreSQL, CREATE TABLE IF NOT EXISTS races itself between sessions: a transaction-scoped lock orders
        // them.
        var prologue = database.IsPostgres ? "BEGIN; SELECT pg_advisory_xact_lock(20261205);"
            : "PRAGMA journal_mode = WAL; BEGIN;";
        database.Execute(prologue + $"""
            CREATE TABLE IF NOT EXISTS partners (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS invitations (token_sha256 TEXT PRIMARY KEY,
                partner_id TEXT NOT NULL REFERENCES partners(id), created_at TEXT NOT NULL, redeemed_at TEXT);
            CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, partner TEXT NOT NULL, client TEXT NOT NULL,
                created_at TEXT NOT NULL, seed INTEGER NOT NULL, untrusted_port INTEGER,
                judged_at TEXT, exit_code INTEGER, certificate_id TEXT, clauses TEXT, not_judged TEXT,
                judged_in_ms INTEGER);
            CREATE TABLE IF NOT EXISTS scenarios (api_key TEXT PRIMARY KEY,
                session TEXT NOT NULL REFERENCES sessions(id), scenario TEXT NOT NULL, secret TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS scenarios_of_session ON scenarios (session);
            CREATE TABLE IF NOT EXISTS requests (id {id}, session TEXT NOT NULL, scenario TEXT NOT NULL,
                exchange TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS requests_of_session ON requests (session, id);
            CREATE TABLE IF NOT EXISTS connections (session TEXT NOT NULL, scenario TEXT NOT NULL, id TEXT NOT NULL,
                opened_at TEXT NOT NULL, PRIMARY KEY (session, scenario, id));
            CREATE TABLE IF NOT EXISTS nonces (scope TEXT NOT NULL, nonce TEXT NOT NULL, forget_after BIGINT NOT NULL,
                PRIMARY KEY (scope, nonce));
            CREATE TABLE IF NOT EXISTS events (scope TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (scope, name));
            CREATE TABLE IF NOT EXISTS session_files (session TEXT NOT NULL, name TEXT NOT NULL,
                content {blob} NOT NULL, PRIMARY KEY (session, name));
            CREATE TABLE IF NOT EXISTS certificates (id TEXT PRIMARY KEY, partner TEXT NOT NULL, client TEXT NOT NULL,
                claims TEXT NOT NULL, signed TEXT NOT NULL, issued_at TEXT NOT NULL, revoked_at TEXT, revoked_why TEXT);
            CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS protection_keys (name TEXT PRIMARY KEY, xml TEXT NOT NULL);
            COMMIT;
            """);
    }
}
