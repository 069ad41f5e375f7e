using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridCase.Persistence;

/// <summary>
/// A write transaction. On SQLite, where one writer at a time holds the file (<c>BEGIN IMMEDIATE</c>), the writers
/// of this process first queue on an in-process gate per database file (<see cref="WriterGate"/>): the next writer
/// runs the moment the one before it finishes, instead of sleeping in SQLite's busy handler (1, 2, 5 … 100 ms
/// back-off), which left the file idle while requests slept (profiled: most of a loaded server's request time). Other processes (and
/// Quartz's own connections) still meet at SQLite's lock with the busy timeout. On PostgreSQL this is a plain
/// transaction. Disposing an uncommitted transaction rolls it back; the gate is released either way.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, WriterGate> GatesByConnectionString = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, WriterGate> GatesByFile = new(StringComparer.Ordinal);

    private WriterGate? _gate;

    private WriteTransaction(IDbContextTransaction transaction, WriterGate? gate)
    {
        Transaction = transaction;
        _gate = gate;
    }

    public IDbContextTransaction Transaction { get; }

    public static async Task<WriteTransaction> BeginAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var gate = database.IsSqlite() ? GateOf(database.GetConnectionString()) : null;
        if (gate is not null)
        {
            await WriterQueueMetrics.EnterAsync(gate, cancellationToken);
        }

        try
        {
            return new WriteTransaction(await database.BeginTransactionAsync(cancellationToken), gate);
        }
        catch
        {
            gate?.Exit();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in this process's writer turn for a SQLite database, so that this process's writers
    /// queue behind it on the gate rather than sleeping in SQLite's busy handler (the WAL checkpointer uses it).
    /// </summary>
    public static async Task<T> InWriterTurnAsync<T>(string connectionString, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var gate = GateOf(connectionString);
        await WriterQueueMetrics.EnterAsync(gate, cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            gate.Exit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Transaction.DisposeAsync();
        }
        finally
        {
            Interlocked.Exchange(ref _gate, null)?.Exit();
        }
    }

    private static WriterGate GateOf(string? connectionString)
    {
        connectionString ??= string.Empty;
        if (GatesByConnectionString.TryGetValue(connectionString, out var gate))
        {
            return gate;
        }

        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var file = source is "" or ":memory:" || source.StartsWith("file:", StringComparison.Ordinal) ? source : Path.GetFullPath(source);
        gate = GatesByFile.GetOrAdd(file, _ => new WriterGate());
        return GatesByConnectionString.GetOrAdd(connectionString, gate);
    }
}
