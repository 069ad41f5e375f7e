using GridCase.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Tasks.Stream;

/// <summary>
/// Tells the other API nodes that tasks changed. On PostgreSQL a unit of work that changed a case sends
/// <c>pg_notify</c> inside its own transaction, so the notice is delivered exactly when (and only if) the change commits;
/// every node's <see cref="PostgresTaskChangeListener"/> hears it and wakes its streams. On SQLite there is one node and
/// the process-local <see cref="TaskChangeHub"/> is enough.
/// </summary>
public sealed class TaskChangeNotice(GridCaseDb db, PersistenceOptions persistence)
{
    /// <summary>The PostgreSQL notification channel (one per database, so two counties' databases never hear each other).</summary>
    public const string Channel = "gridcase_task_changes";

    /// <summary>Call inside the write transaction, before its commit.</summary>
    public Task SendInTransactionAsync(CancellationToken cancellationToken) =>
        persistence.Provider == DatabaseProvider.Postgres
            ? db.Database.ExecuteSqlRawAsync($"SELECT pg_notify('{Channel}', '')", cancellationToken)
            : Task.CompletedTask;
}
