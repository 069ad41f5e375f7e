using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridCase.Persistence.Workflows;

/// <summary>
/// One all-or-nothing write: its own transaction, or a savepoint when the caller already holds one (a unit of
/// work spanning the case and its workflow), so that a refused write leaves the caller's transaction usable.
/// Disposing an unfinished scope undoes it. A caller whose transaction is rolled back as a whole when the write is
/// refused may join it without a savepoint (<c>wholeOrNothing</c>): on SQLite, which keeps a transaction usable
/// after a failed statement, that saves two statements in the one writer's turn; PostgreSQL aborts the transaction
/// on a failed statement, so there the savepoint stays.
/// </summary>
internal sealed class WriteScope : IAsyncDisposable
{
    private const string Savepoint = "gridcase_write";

    private readonly IDbContextTransaction _transaction;
    private readonly WriteTransaction? _owned;
    private readonly bool _savepoint;
    private bool _finished;

    private WriteScope(IDbContextTransaction transaction, WriteTransaction? owned, bool savepoint)
    {
        _transaction = transaction;
        _owned = owned;
        _savepoint = savepoint;
    }

    public static async Task<WriteScope> BeginAsync(DatabaseFacade database, bool wholeOrNothing, CancellationToken cancellationToken)
    {
        if (database.CurrentTransaction is { } ambient)
        {
            if (wholeOrNothing && database.IsSqlite())
            {
                return new WriteScope(ambient, owned: null, savepoint: false);
            }

            await ambient.CreateSavepointAsync(Savepoint, cancellationToken);
            return new WriteScope(ambient, owned: null, savepoint: true);
        }

        var owned = await WriteTransaction.BeginAsync(database, cancellationToken);
        return new WriteScope(owned.Transaction, owned, savepoint: false);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_owned is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
        }
        else if (_savepoint)
        {
            await _transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
        }

        _finished = true;
    }

    /// <summary>Undoes the write; never cancelled, so that a cancelled write still leaves nothing behind.</summary>
    public async Task UndoAsync()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (_owned is not null)
        {
            await _transaction.RollbackAsync(CancellationToken.None);
        }
        else if (_savepoint)
        {
            await _transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
        }

        // Joined without a savepoint: the caller's transaction is rolled back as a whole.
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await UndoAsync();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The connection is gone and took the transaction with it; the error that got us here matters more.
        }
        finally
        {
            if (_owned is not null)
            {
                await _owned.DisposeAsync();
            }
        }
    }
}

internal static class UniqueViolation
{
    private const int SqlitePrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
    private const int SqliteUnique = 2067;     // SQLITE_CONSTRAINT_UNIQUE

    /// <summary>True when <paramref name="exception"/> (or one it wraps) is a primary key or unique violation.</summary>
    public static bool Is(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: SqlitePrimaryKey or SqliteUnique }
                or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }

        return false;
    }
}
