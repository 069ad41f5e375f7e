using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridCase.Persistence;

/// <summary>
/// Per-connection SQLite settings. WAL is a property of the file (set once by <see cref="DatabaseInitializer"/>);
/// synchronous=NORMAL is safe in WAL mode (a power cut may lose the last commits, never corrupt the file) and
/// is what makes one commit per command affordable.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
