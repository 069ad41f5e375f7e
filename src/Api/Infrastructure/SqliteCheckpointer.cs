using Microsoft.Data.Sqlite;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// Moves committed pages from the SQLite write-ahead log into the database file, in the background and without
/// blocking anyone (a PASSIVE checkpoint: it copies what no reader still needs and never waits). The request
/// connections do not checkpoint themselves (see the pragmas in GridCase.Persistence); SQLite starts the log from
/// the beginning again once all of it has been copied. At shutdown a last checkpoint empties the log.
/// </summary>
public sealed class SqliteCheckpointer(GridCaseSettings settings, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var connection = new SqliteConnection(settings.Persistence.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        await ExecuteAsync(connection, "PRAGMA busy_timeout=10000;", CancellationToken.None);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(connection, "PASSIVE", stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await CheckpointAsync(connection, "TRUNCATE", CancellationToken.None);
        }
    }

    private async Task CheckpointAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA wal_checkpoint({mode});";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("WAL checkpoint ({Mode}): busy {Busy}, {Log} pages in the log, {Copied} copied.",
                    mode, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
            }
        }
        catch (SqliteException ex)
        {
            logger.LogWarning(ex, "WAL checkpoint ({Mode}) failed; the next one retries.", mode);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
