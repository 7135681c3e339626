using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CrewPass.Conformance.Service;

/// <summary>
/// The service's database: SQLite in the data folder, or PostgreSQL for several instances behind one load balancer.
/// The SQL is written once for both (named parameters, ON CONFLICT, RETURNING); only the schema's id column differs.
/// </summary>
public sealed class SqlDatabase
{
    private readonly Func<DbConnection> _connect;

    /// <summary>
    /// SQLite takes one writer at a time, and a writer that finds it busy sleeps before it tries again: this process's
    /// writes queue here instead (SQLite serves one instance; PostgreSQL needs no such gate).
    /// </summary>
    private readonly SemaphoreSlim? _writer;

    private SqlDatabase(Func<DbConnection> connect, bool postgres)
    {
        (_connect, IsPostgres) = (connect, postgres);
        _writer = postgres ? null : new SemaphoreSlim(1, 1);
    }

    public bool IsPostgres { get; }

    public static SqlDatabase Sqlite(string file) => new(() => new SqliteConnection(
        new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ToString()), postgres: false);

    /// <summary>
    /// Commits return once in PostgreSQL's log buffer (synchronous_commit off), as SQLite's NORMAL: a killed instance
    /// loses nothing it committed; only a crash of PostgreSQL itself may lose its last commits. A flush per request
    /// was most of a request's time.
    /// </summary>
    public static SqlDatabase Postgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.Join(' ', new[] { builder.Options, "-c synchronous_commit=off" }.OfType<string>());
        var source = NpgsqlDataSource.Create(builder.ConnectionString);
        return new SqlDatabase(source.CreateConnection, postgres: true);
    }

    public DbConnection Open()
    {
        var connection = _connect();
        connection.Open();
        // WAL with NORMAL: a commit is in the log before it returns, so a killed process loses nothing it committed;
        // only a power cut may lose the last commits. FULL's fsync per request was most of a request's time.
        if (IsPostgres) return connection;
        using var pragma = Command(connection, "PRAGMA synchronous = NORMAL", []);
        pragma.ExecuteNonQuery();
        return connection;
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters) =>
        Writing(() =>
        {
            using var connection = Open();
            using var command = Command(connection, sql, parameters);
            return command.ExecuteNonQuery();
        });

    /// <summary>One value; a statement that writes (INSERT … RETURNING) may ask for it too.</summary>
    public object? Scalar(string sql, params (string Name, object? Value)[] parameters) =>
        Writing(() =>
        {
            using var connection = Open();
            using var command = Command(connection, sql, parameters);
            return command.ExecuteScalar() is var value && value is DBNull ? null : value;
        });

    /// <summary>Runs a transaction of several statements behind this process's writer gate.</summary>
    public void Transaction(Action<DbConnection> statements) =>
        Writing(() =>
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            statements(connection);
            transaction.Commit();
            return 0;
        });

    private T Writing<T>(Func<T> write)
    {
        _writer?.Wait();
        try
        {
            return write();
        }
        finally
        {
            _writer?.Release();
        }
    }

    public List<T> Query<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    public static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Text or null, as stored: both engines read TEXT columns alike.</summary>
    public static string? Text(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : reader.GetString(column);
}
