using Npgsql;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// The PostgreSQL server .ci/run starts (SERVICE_TESTS_POSTGRES): each test gets a database of its own. Without the
/// server the test is ignored on a developer's machine and fails in CI, where it must run.
/// </summary>
public static class Postgres
{
    public const string Variable = "SERVICE_TESTS_POSTGRES";

    public static async Task<string> NewDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable) ?? "";
        if (server.Length == 0)
        {
            const string why = $"no PostgreSQL: start one with eval \"$(bash .ci/postgres)\" (sets {Variable})";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 }) Assert.Fail(why);
            Assert.Ignore(why);
        }
        var name = "crewpass_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }
}
