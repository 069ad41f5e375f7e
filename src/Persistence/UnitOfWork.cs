namespace GridCase.Persistence;

/// <summary>
/// The write transaction of one unit of work (a request's scope), begun at its first write rather than up front:
/// the reads and decisions before it (guarded by concurrency stamps) do not hold the transaction, which on SQLite
/// is the database's one writer's turn. Whoever is about to write calls <see cref="BeginWritesAsync"/>; the owner
/// of the unit of work commits it, or disposes it to roll back.
/// </summary>
public sealed class UnitOfWork(GridCaseDb db) : IAsyncDisposable
{
    private WriteTransaction? _transaction;

    /// <summary>True between <see cref="Open"/> and the end of the unit of work: stores then write into it.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>Starts a unit of work; its transaction begins with the first write.</summary>
    public void Open()
    {
        if (IsOpen)
        {
            throw new InvalidOperationException("A unit of work does not nest.");
        }

        IsOpen = true;
    }

    /// <summary>Begins the transaction unless it has begun; call it before the first write.</summary>
    public async Task BeginWritesAsync(CancellationToken cancellationToken)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("No unit of work is open.");
        }

        _transaction ??= await WriteTransaction.BeginAsync(db.Database, cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await BeginWritesAsync(cancellationToken);
        await _transaction!.CommitAsync(cancellationToken);
        await DisposeAsync();
    }

    /// <summary>Ends the unit of work; what was not committed is rolled back.</summary>
    public async ValueTask DisposeAsync()
    {
        IsOpen = false;
        if (_transaction is { } transaction)
        {
            _transaction = null;
            await transaction.DisposeAsync();
        }
    }
}
