using System.Net.Http.Json;
using System.Text.Json;
using GridCase.Api.Infrastructure;
using GridCase.Api.Tests.Support;
using GridCase.Api.Timers;
using GridCase.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridCase.Api.Tests.Infrastructure;

/// <summary>
/// On SQLite the request connections never checkpoint (<c>wal_autocheckpoint=0</c>); the host's checkpointer copies
/// the write-ahead log into the database file in the background, and empties the log when the host stops. The
/// database file is read with <c>immutable=1</c>, which makes SQLite read the file as it is on disk and ignore the
/// log: a row shows there only once a checkpoint has copied it.
/// </summary>
public sealed class SqliteCheckpointerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    private GridCaseApiFactory _api = null!;
    private string _directory = null!;

    [OneTimeSetUp]
    public void Start()
    {
        // Quartz's own connections still checkpoint by themselves; without them only the checkpointer copies the log.
        _api = new GridCaseApiFactory(services: s => s.RemoveTimerDelivery());
        _directory = Path.Combine(Path.GetTempPath(), "gridcase-checkpointer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task Events_reported_through_the_api_reach_the_database_file_within_seconds()
    {
        using var township = await _api.ClientForAsync("d140521100");
        var titles = Enumerable.Range(1, 3).Select(i => $"检查点 {i} {Guid.NewGuid():N}").ToList();
        foreach (var title in titles)
        {
            await ReportAsync(township, title);
        }

        var file = new SqliteConnectionStringBuilder(_api.Services.GetRequiredService<GridCaseSettings>().Persistence.ConnectionString).DataSource;

        Assert.That(await EventuallyAsync(async () => await CountInDatabaseFileAsync(file, "cases", "Title", titles) == titles.Count), Is.True,
            $"the reported cases were not copied into {file} within {Generous.TotalSeconds} s");
    }

    [Test]
    public async Task A_request_connection_does_not_checkpoint_by_itself()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint;";

            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(0L));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Test]
    public async Task On_its_own_it_copies_committed_rows_into_the_file_and_empties_the_log_when_stopped()
    {
        var file = Path.Combine(_directory, "own.db");
        var marker = Guid.NewGuid().ToString("N");
        // The writer stays open, as a host's connections do: closing the last connection would checkpoint by itself.
        await using var writer = new SqliteConnection($"Data Source={file};Pooling=False");
        await writer.OpenAsync();
        await ExecuteAsync(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE probe (marker TEXT NOT NULL); PRAGMA wal_checkpoint(TRUNCATE);");
        await ExecuteAsync(writer, $"INSERT INTO probe (marker) VALUES ('{marker}');");
        var beforeStart = await CountInDatabaseFileAsync(file, "probe", "marker", [marker]);
        var settings = new GridCaseSettings(new PersistenceOptions(DatabaseProvider.Sqlite, $"Data Source={file}", _directory), Demo: true, null, TimeSpan.FromHours(8));
        var checkpointer = new SqliteCheckpointer(settings, NullLogger<SqliteCheckpointer>.Instance);

        await checkpointer.StartAsync(CancellationToken.None);
        bool copied;
        long logWhileRunning;
        try
        {
            copied = await EventuallyAsync(async () => await CountInDatabaseFileAsync(file, "probe", "marker", [marker]) == 1);
            logWhileRunning = new FileInfo(file + "-wal").Length;
        }
        finally
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }

        Assert.That(beforeStart, Is.Zero, "only in the log before the checkpointer runs");
        Assert.That(copied, Is.True, $"not copied into the database file within {Generous.TotalSeconds} s");
        Assert.That(logWhileRunning, Is.GreaterThan(0), "a passive checkpoint leaves the log's length alone");
        Assert.That(new FileInfo(file + "-wal").Length, Is.Zero);
    }

    private static async Task ReportAsync(HttpClient client, string title)
    {
        var item = JsonDocument.Parse(await client.GetStringAsync("/api/catalogue?county=140521")).RootElement
            .GetProperty("categories")[0].GetProperty("items")[0].GetProperty("code").GetString();
        var response = await client.PostAsJsonAsync("/api/events", new { catalogueItemCode = item, gridCode = "140521100001001", channel = "Hotline12345", title });
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }

    /// <summary>How many of <paramref name="values"/> the database file itself holds, the write-ahead log ignored.</summary>
    private static async Task<long> CountInDatabaseFileAsync(string file, string table, string column, IReadOnlyList<string> values)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = new Uri(file).AbsoluteUri + "?immutable=1",
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table} WHERE \"{column}\" IN ({string.Join(", ", values.Select((_, i) => "$v" + i))});";
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters.AddWithValue("$v" + i, values[i]);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls for background work; a file read halfway through a checkpoint counts as not yet.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Generous;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (SqliteException)
            {
                // Torn by a checkpoint in progress: look again.
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
