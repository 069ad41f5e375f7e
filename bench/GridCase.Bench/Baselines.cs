using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GridCase.Bench;

/// <summary>
/// This machine's limits, measured in the same run: one row per commit into a scratch SQLite file with the
/// server's pragmas (WAL, synchronous=NORMAL), and one row per INSERT (autocommit) into PostgreSQL.
/// </summary>
public static class Baselines
{
    public static double SqliteCommitsPerSecond(string directory, TimeSpan duration)
    {
        var file = Path.Combine(directory, "baseline.db");
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;");
        Execute(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);");
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (payload) VALUES ($p);";
        var p = insert.Parameters.Add("$p", SqliteType.Text);
        insert.Prepare();
        var clock = Stopwatch.StartNew();
        long n = 0;
        while (clock.Elapsed < duration)
        {
            p.Value = "baseline row";
            insert.ExecuteNonQuery();
            n++;
        }

        return n / clock.Elapsed.TotalSeconds;
    }

    public static async Task<double> PostgresInsertsPerSecondAsync(string connectionString, TimeSpan duration, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var create = new NpgsqlCommand("CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, payload text NOT NULL);", connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await using var insert = new NpgsqlCommand("INSERT INTO bench_baseline (payload) VALUES ($1);", connection);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "baseline row" });
        await insert.PrepareAsync(ct);
        var clock = Stopwatch.StartNew();
        long n = 0;
        while (clock.Elapsed < duration)
        {
            await insert.ExecuteNonQueryAsync(ct);
            n++;
        }

        var rate = n / clock.Elapsed.TotalSeconds;
        await using (var drop = new NpgsqlCommand("DROP TABLE bench_baseline;", connection))
        {
            await drop.ExecuteNonQueryAsync(ct);
        }

        return rate;
    }

    /// <summary>A fresh database on the given server; returns its connection string.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync(string adminConnectionString, string name, CancellationToken ct)
    {
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync(ct);
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", admin))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropPostgresDatabaseAsync(string adminConnectionString, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
