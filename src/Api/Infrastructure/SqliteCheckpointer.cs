using GridCase.Persistence;
using Microsoft.Data.Sqlite;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// Moves committed pages from the SQLite write-ahead log into the database file, in the background: every second a
/// PASSIVE checkpoint (copies what no reader still needs, never waits). The request connections do not checkpoint
/// themselves (see the pragmas in GridCase.Persistence). Under steady load some reader always holds a snapshot, so
/// SQLite never gets to start the log from the beginning again and it grows without end (measured: 2.1 GB after
/// 25,000 commands, and a restart after a crash then spent a second reading it); so once the log holds more than
/// <see cref="TruncateAbovePages"/> pages a TRUNCATE checkpoint waits for the readers of the moment, copies the rest
/// and empties the log, in this process's writer turn (the writers queue on the gate meanwhile — for milliseconds;
/// after a second of readers it gives up until the next tick — instead of sleeping in SQLite's busy handler). At
/// shutdown a last one empties it too.
/// </summary>
public sealed class SqliteCheckpointer(GridCaseSettings settings, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>16 MB of 4 KB pages: a few seconds of full load.</summary>
    public const int TruncateAbovePages = 4096;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var connection = new SqliteConnection(settings.Persistence.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        // A TRUNCATE waits for the readers of the moment while this process's writers queue behind it: it gives up
        // after a second (busy) rather than hold them longer, and the next tick tries again.
        await ExecuteAsync(connection, "PRAGMA busy_timeout=1000;", CancellationToken.None);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (await CheckpointAsync(connection, "PASSIVE", stoppingToken) > TruncateAbovePages)
                {
                    await WriteTransaction.InWriterTurnAsync(settings.Persistence.ConnectionString,
                        () => CheckpointAsync(connection, "TRUNCATE", stoppingToken), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await CheckpointAsync(connection, "TRUNCATE", CancellationToken.None);
        }
    }

    /// <summary>Runs one checkpoint; returns the number of pages in the log before it (0 when it failed).</summary>
    private async Task<int> CheckpointAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA wal_checkpoint({mode});";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return 0;
            }

            var (busy, log, copied) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
            logger.LogDebug("WAL checkpoint ({Mode}): busy {Busy}, {Log} pages in the log, {Copied} copied.", mode, busy, log, copied);
            return log;
        }
        catch (SqliteException ex)
        {
            logger.LogWarning(ex, "WAL checkpoint ({Mode}) failed; the next one retries.", mode);
            return 0;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
