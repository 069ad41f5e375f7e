using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridCase.Persistence;

/// <summary>
/// Per-connection SQLite settings. WAL is a property of the file (set once by <see cref="DatabaseInitializer"/>);
/// synchronous=NORMAL is safe in WAL mode (a power cut may lose the last commits, never corrupt the file) and
/// is what makes one commit per command affordable. Reads go through a memory map (no read() per page). The
/// application's connections do not checkpoint on their own (wal_autocheckpoint=0): a commit that crossed 1,000 WAL
/// pages used to copy them into the database file and sync it while holding the one writer's turn (~10 % of the
/// throughput, and the p99.9); the host's checkpointer does it in the background instead. (Quartz's own connections
/// keep SQLite's default; they write rarely, see the timer horizon.)
/// </summary>
/// <remarks>
/// The settings belong to the native connection, which Microsoft.Data.Sqlite keeps in its pool across opens; EF
/// opens and closes a connection for every query, so they are applied once per native handle, not per open.
/// </remarks>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA mmap_size=268435456; PRAGMA wal_autocheckpoint=0;";

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
}
