using Npgsql;

namespace GridCase.Api.Tests.Support;

/// <summary>
/// A fresh database on the PostgreSQL server the test script started, dropped on dispose. Without a server the
/// test is skipped — except in CI (GRIDCASE_REQUIRE_POSTGRES=1), where it fails.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private PostgresTestDatabase(string admin, string name)
    {
        _admin = admin;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync(string prefix)
    {
        var admin = Environment.GetEnvironmentVariable("GRIDCASE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            const string why = "GRIDCASE_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.";
            if (Environment.GetEnvironmentVariable("GRIDCASE_REQUIRE_POSTGRES") == "1")
            {
                Assert.Fail(why);
            }

            Assert.Ignore(why);
        }

        var name = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(admin!, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
