using GridCase.Workflows.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridCase.Persistence.Workflows;

/// <summary>
/// Instances, journals, tasks and timers in the GridCase database. A commit is one command in one transaction
/// (see <see cref="WorkflowCommitSql"/>): it reads nothing on the way, and only a refused commit reads the
/// instance row to say why. One store per unit of work (a scoped <see cref="GridCaseDb"/>); when that
/// <see cref="UnitOfWork"/> is open, a commit writes into its transaction, begun only once the SQL is ready.
/// </summary>
public sealed partial class EfWorkflowStore(GridCaseDb db, TimeProvider clock, UnitOfWork? unitOfWork = null) : IWorkflowStore, IJournalStore, ITaskStore, IInstanceFinder
{
    public async Task<StoredInstance?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var row = await LoadRowAsync(instanceId, cancellationToken);
        return row is null ? null : new StoredInstance(WorkflowStateJson.Read(row.State), row.Stamp);
    }

    public async Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        using var parameters = new SqlParameters(db.Database, 9 + (commit.Entries.Count * 14) + (commit.Tasks.Count * 16) + (commit.Timers.Count * 6));
        var statement = WorkflowCommitSql.For(commit, clock.GetUtcNow().UtcDateTime, parameters);
        var open = unitOfWork is { IsOpen: true } ? unitOfWork : null;
        if (open is not null)
        {
            await open.BeginWritesAsync(cancellationToken);
        }

        // An open unit of work is rolled back as a whole when this throws.
        await using var scope = await WriteScope.BeginAsync(db.Database, wholeOrNothing: open is not null, cancellationToken);
        int rows;
        try
        {
            rows = await ExecuteAsync(statement, parameters, cancellationToken);
        }
        catch (Exception ex) when (UniqueViolation.Is(ex))
        {
            await scope.UndoAsync();
            throw await RefusalAsync(commit, statement.PreviousSeq, ex, cancellationToken);
        }

        if (rows != statement.ExpectedRows)
        {
            await scope.UndoAsync();
            throw await RefusalAsync(commit, statement.PreviousSeq, null, cancellationToken);
        }

        await scope.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// PostgreSQL gets the whole commit in one round trip. Microsoft.Data.Sqlite binds every parameter of a command
    /// to every statement by a name lookup in each; there a command per statement costs far less (profiled: ~18 %
    /// of the server's CPU went to that lookup), and in-process "round trips" are free. On SQLite the commands go
    /// to the connection directly, inside the write scope's transaction: EF's raw-SQL path added ~30 % to each.
    /// </summary>
    private async Task<int> ExecuteAsync(WorkflowCommitSql statement, SqlParameters parameters, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return await db.Database.ExecuteSqlRawAsync(statement.Sql, parameters.Values, cancellationToken);
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A workflow commit runs inside its write scope's transaction.");
        var rows = 0;
        foreach (var part in statement.Statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = part.Sql;
            for (var i = 0; i < part.ParameterCount; i++)
            {
                command.Parameters.Add(parameters.Values[part.FirstParameter + i]);
            }

            rows += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return rows;
    }

    /// <summary>
    /// Why a commit did not apply, read after it was undone: a stamp that moved is a concurrency conflict (the
    /// caller reloads and retries); a journal that would not continue from the stored seq, or a task or timer id
    /// owned by another instance, is a bug in the caller (as the in-memory store answers it).
    /// </summary>
    private async Task<Exception> RefusalAsync(WorkflowCommit commit, long previousSeq, Exception? duplicate, CancellationToken cancellationToken)
    {
        var id = commit.State.InstanceId;
        if (commit.ExpectedStamp is { } expected)
        {
            var current = await LoadRowAsync(id, cancellationToken);
            if (current is not null && current.Stamp == commit.NewStamp)
            {
                // Read inside the refused commit's own transaction: its instance update applied, a later row did not.
                return duplicate is not null
                    ? new InvalidOperationException($"A journal entry, task or timer of the commit for {id} already exists.", duplicate)
                    : new InvalidOperationException($"A task or timer of the commit for {id} has the id of another instance's task or timer.");
            }

            if (current is null || current.Stamp != expected)
            {
                return new WorkflowConcurrencyException(id);
            }

            if (commit.Entries.Count > 0 && current.LastSeq != previousSeq)
            {
                return new InvalidOperationException(
                    $"Journal of {id} would not be contiguous: it ends at seq {current.LastSeq}, the commit starts at {previousSeq + 1}.");
            }
        }

        return duplicate is not null
            ? new WorkflowConcurrencyException(id)
            : new InvalidOperationException($"A task or timer of the commit for {id} has the id of another instance's task or timer.");
    }

    private static readonly Func<GridCaseDb, Guid, CancellationToken, Task<StoredRow?>> LoadRowQuery = ProviderQueries.Compile(
        (GridCaseDb db, Guid id, CancellationToken _) => db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Id == id)
            .Select(i => new StoredRow(i.State, i.ConcurrencyStamp, i.LastSeq))
            .FirstOrDefault());

    private Task<StoredRow?> LoadRowAsync(Guid id, CancellationToken cancellationToken) => LoadRowQuery(db, id, cancellationToken);

    private sealed record StoredRow(string State, Guid Stamp, long LastSeq);
}
