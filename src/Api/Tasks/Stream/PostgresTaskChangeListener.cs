using GridCase.Persistence;
using Npgsql;

namespace GridCase.Api.Tasks.Stream;

/// <summary>
/// Listens on PostgreSQL for <see cref="TaskChangeNotice"/>s of every API node (this one included) and wakes this
/// node's task streams. One connection per node, held open; when it breaks the listener reconnects and wakes the
/// streams once, since a notice sent while it was away is lost (the consoles then refetch and miss nothing).
/// </summary>
public sealed class PostgresTaskChangeListener(PersistenceOptions persistence, TaskChangeHub hub, ILogger<PostgresTaskChangeListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    /// <summary>True while the LISTEN connection is up (for tests and health).</summary>
    public bool Listening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Not pooled: a pooled connection is reset (UNLISTEN) on return, and this one is never returned.
                var builder = new NpgsqlConnectionStringBuilder(persistence.ConnectionString) { Pooling = false, KeepAlive = 30 };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => hub.Publish();
                await using (var listen = new NpgsqlCommand($"LISTEN {TaskChangeNotice.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Listening = true;
                hub.Publish();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                Listening = false;
                logger.LogWarning("Task change listener lost PostgreSQL ({Message}); reconnecting in {Delay}.", ex.Message, Reconnect);
                await Task.Delay(Reconnect, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
