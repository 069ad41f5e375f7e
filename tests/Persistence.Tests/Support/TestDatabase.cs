using Npgsql;

namespace GridCase.Persistence.Tests.Support;

/// <summary>
/// A real, empty, migrated database for one fixture: a SQLite file in a temporary folder, or a fresh
/// PostgreSQL database on the server the test script started (dropped afterwards).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    public PersistenceOptions Options { get; }

    private TestDatabase(PersistenceOptions options, string? directory, string? postgresAdmin, string? postgresName)
    {
        Options = options;
        _directory = directory;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = provider == DatabaseProvider.Sqlite ? CreateSqlite() : await CreatePostgresAsync();
        await using var db = database.NewContext();
        await new DatabaseInitializer(db, database.Options).MigrateAsync();
        return database;
    }

    public GridCaseDb NewContext() => PersistenceServiceCollectionExtensions.CreateContext(Options);

    private static TestDatabase CreateSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gridcase-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new PersistenceOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "test.db")}", directory);
        return new TestDatabase(options, directory, null, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = PostgresServer.ConnectionStringOrSkip();
        var name = "gridcase_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        var options = new PersistenceOptions(DatabaseProvider.Postgres, builder.ConnectionString, Path.GetTempPath());
        return new TestDatabase(options, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Where the PostgreSQL server for tests is; in CI its absence fails the test instead of skipping it.</summary>
public static class PostgresServer
{
    public static string ConnectionStringOrSkip()
    {
        var connectionString = Environment.GetEnvironmentVariable("GRIDCASE_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        const string why = "GRIDCASE_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.";
        if (Environment.GetEnvironmentVariable("GRIDCASE_REQUIRE_POSTGRES") == "1")
        {
            Assert.Fail(why);
        }

        Assert.Ignore(why);
        return "";
    }
}
