using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CrewPass.Reference;

namespace CrewPass.Conformance.Service;

/// <summary>
/// The hosted sandbox's state, in the service's database so any instance can serve any request: the scenarios' keys,
/// every connection and request as it arrives, the nonces the signature check has seen and the scenarios' one-off
/// plays.
/// </summary>
public sealed class SandboxStore(SqlDatabase database)
{
    private const string KeyColumns = """
        SELECT api_key, session, scenario, secret, seed, judged_at FROM scenarios
        JOIN sessions ON sessions.id = scenarios.session
        """;

    public ScenarioKey? Find(string key) =>
        database.Query($"{KeyColumns} WHERE api_key = @key", ReadKey, ("@key", key)).SingleOrDefault();

    public IReadOnlyList<ScenarioKey> KeysOf(string session) =>
        database.Query($"{KeyColumns} WHERE session = @session", ReadKey, ("@session", session))
            .OrderBy(k => k.Scenario).ToArray();

    private static ScenarioKey ReadKey(DbDataReader row)
    {
        ClientScenarios.TryParse(row.GetString(2), out var scenario);
        return new ScenarioKey(row.GetString(0), row.GetString(1), scenario, row.GetString(3), row.GetInt32(4),
            !row.IsDBNull(5));
    }

    /// <summary>Keeps a request as it arrived; the row's id, to fill in its answer.</summary>
    public long Arrived(string session, ClientScenario scenario, SandboxExchange exchange) => Convert.ToInt64(
        database.Scalar("""
            INSERT INTO requests (session, scenario, exchange) VALUES (@session, @scenario, @exchange) RETURNING id
            """, ("@session", session), ("@scenario", scenario.Name()), ("@exchange", Json(exchange))),
        CultureInfo.InvariantCulture);

    public void Answered(long id, SandboxExchange exchange) =>
        database.Execute("UPDATE requests SET exchange = @exchange WHERE id = @id", ("@exchange", Json(exchange)),
            ("@id", id));

    public void Connected(string session, ClientScenario scenario, SandboxConnection connection) => database.Execute("""
        INSERT INTO connections (session, scenario, id, opened_at) VALUES (@session, @scenario, @id, @at)
        ON CONFLICT DO NOTHING
        """, ("@session", session), ("@scenario", scenario.Name()), ("@id", connection.Id),
        ("@at", connection.OpenedAt.ToString("O")));

    /// <summary>The session's requests after the row given, in the order they were kept.</summary>
    public IReadOnlyList<(long Id, ClientScenario Scenario, SandboxExchange Exchange)> Requests(string session,
        long after = 0) => database.Query(
        "SELECT id, scenario, exchange FROM requests WHERE session = @session AND id > @after ORDER BY id",
        row => (row.GetInt64(0), ScenarioOf(row.GetString(1)),
            JsonSerializer.Deserialize<SandboxExchange>(row.GetString(2), RecordingFile.Json)!),
        ("@session", session), ("@after", after));

    public bool HasTraffic(string session) =>
        database.Scalar("SELECT 1 FROM requests WHERE session = @session LIMIT 1", ("@session", session)) is not null;

    public IReadOnlyList<(ClientScenario Scenario, SandboxConnection Connection)> Connections(string session) =>
        database.Query("SELECT scenario, id, opened_at FROM connections WHERE session = @session ORDER BY opened_at",
            row => (ScenarioOf(row.GetString(0)), new SandboxConnection(row.GetString(1),
                DateTimeOffset.Parse(row.GetString(2), CultureInfo.InvariantCulture))), ("@session", session));

    public bool TryAddNonce(string scope, string nonce, long forgetAfter) => database.Execute("""
        INSERT INTO nonces (scope, nonce, forget_after) VALUES (@scope, @nonce, @until) ON CONFLICT DO NOTHING
        """, ("@scope", scope), ("@nonce", nonce), ("@until", forgetAfter)) == 1;

    public bool HasNonce(string scope, string nonce) => database.Scalar(
        "SELECT 1 FROM nonces WHERE scope = @scope AND nonce = @nonce", ("@scope", scope), ("@nonce", nonce))
        is not null;

    public void SetNonce(string scope, string nonce, long forgetAfter) => database.Execute("""
        INSERT INTO nonces (scope, nonce, forget_after) VALUES (@scope, @nonce, @until)
        ON CONFLICT (scope, nonce) DO UPDATE SET forget_after = excluded.forget_after
        """, ("@scope", scope), ("@nonce", nonce), ("@until", forgetAfter));

    public void ForgetNonces(string scope, long now) => database.Execute(
        "DELETE FROM nonces WHERE scope = @scope AND forget_after < @now", ("@scope", scope), ("@now", now));

    /// <summary>True for the first instance to ask, once.</summary>
    public bool FirstTime(string scope, string name) => database.Execute(
        "INSERT INTO events (scope, name) VALUES (@scope, @name) ON CONFLICT DO NOTHING",
        ("@scope", scope), ("@name", name)) == 1;

    private static ClientScenario ScenarioOf(string name) =>
        ClientScenarios.TryParse(name, out var scenario) ? scenario : throw new InvalidDataException(name);

    private static string Json(SandboxExchange exchange) => JsonSerializer.Serialize(exchange, RecordingFile.Json);
}
