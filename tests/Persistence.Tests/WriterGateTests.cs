using System.Collections.Concurrent;
using GridCase.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence.Tests;

/// <summary>
/// The in-process writer gate of a SQLite file, seen through <see cref="WriteTransaction"/> (the gate is internal):
/// one holder at a time, waiters let in first come first served, a waiter cancelled while it waits is skipped, and
/// a waiting writer waits on a task instead of blocking its thread in SQLite's lock (so writers sharing one thread
/// still all get their turn).
/// </summary>
[TestFixture]
public sealed class WriterGateTests() : ProviderFixture(DatabaseProvider.Sqlite)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    private int _runs;

    [OneTimeSetUp]
    public async Task CreateProbeTable()
    {
        await using var db = Database.NewContext();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE gate_probe (writer INTEGER NOT NULL, round INTEGER NOT NULL);");
    }

    [Test]
    public async Task A_second_writer_waits_without_blocking_its_caller_and_goes_in_when_the_first_leaves()
    {
        await using var first = Database.NewContext();
        await using var second = Database.NewContext();
        await using var holder = await TakeTurnAsync(first);

        var waiting = WriteTransaction.BeginAsync(second.Database, CancellationToken.None);
        var enteredEarly = waiting.IsCompleted;
        await holder.DisposeAsync();
        await using var entered = await waiting.WaitAsync(Prompt);

        Assert.That(enteredEarly, Is.False, "the second writer is let in only once the first leaves");
        Assert.That(second.Database.CurrentTransaction, Is.SameAs(entered.Transaction));
    }

    [Test]
    public async Task Waiting_writers_go_in_in_the_order_they_came()
    {
        const int waiters = 5;
        await using var first = Database.NewContext();
        await using var holder = await TakeTurnAsync(first);
        var entries = new ConcurrentQueue<int>();
        var contexts = Enumerable.Range(0, waiters).Select(_ => Database.NewContext()).ToList();
        try
        {
            // Each call queues on the gate before it returns, so the queue holds them in this order.
            var runs = contexts.Select((db, i) => EnterRecordAndLeaveAsync(db, i, entries)).ToList();
            var enteredEarly = entries.Count;

            await holder.DisposeAsync();
            await Task.WhenAll(runs).WaitAsync(Prompt);

            Assert.That(enteredEarly, Is.Zero);
            Assert.That(entries, Is.EqualTo(Enumerable.Range(0, waiters)));
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task A_waiter_cancelled_while_waiting_throws_and_the_gate_passes_to_the_next_waiter()
    {
        await using var first = Database.NewContext();
        await using var cancelled = Database.NewContext();
        await using var next = Database.NewContext();
        await using var holder = await TakeTurnAsync(first);
        using var cancellation = new CancellationTokenSource();
        var cancelledWaiter = WriteTransaction.BeginAsync(cancelled.Database, cancellation.Token);
        var nextWaiter = WriteTransaction.BeginAsync(next.Database, CancellationToken.None);

        await cancellation.CancelAsync();

        Assert.CatchAsync<OperationCanceledException>(() => cancelledWaiter.WaitAsync(Prompt));
        Assert.That(cancelled.Database.CurrentTransaction, Is.Null);
        Assert.That(nextWaiter.IsCompleted, Is.False, "the holder still holds the gate");

        await holder.DisposeAsync();
        await using (var entered = await nextWaiter.WaitAsync(Prompt))
        {
            Assert.That(next.Database.CurrentTransaction, Is.SameAs(entered.Transaction));
        }

        await using var afterwards = await TakeTurnAsync(cancelled);
        Assert.That(cancelled.Database.CurrentTransaction, Is.SameAs(afterwards.Transaction));
    }

    [Test]
    public async Task When_the_only_waiter_was_cancelled_the_gate_is_free_once_the_holder_leaves()
    {
        await using var first = Database.NewContext();
        await using var cancelled = Database.NewContext();
        await using var later = Database.NewContext();
        await using var holder = await TakeTurnAsync(first);
        using var cancellation = new CancellationTokenSource();
        var cancelledWaiter = WriteTransaction.BeginAsync(cancelled.Database, cancellation.Token);
        await cancellation.CancelAsync();
        Assert.CatchAsync<OperationCanceledException>(() => cancelledWaiter.WaitAsync(Prompt));

        await holder.DisposeAsync();
        await using var entered = await TakeTurnAsync(later);

        Assert.That(later.Database.CurrentTransaction, Is.SameAs(entered.Transaction));
    }

    [Test]
    public async Task Concurrent_writers_on_the_thread_pool_are_never_in_together()
    {
        var (most, rows) = await RunWritersAsync(writers: 8, rounds: 25, TaskScheduler.Default);

        Assert.That(most, Is.EqualTo(1));
        Assert.That(rows, Is.EqualTo(8 * 25));
    }

    /// <summary>
    /// On one thread a writer that blocked in SQLite's lock would keep the holder from ever committing (until the busy
    /// timeout ends it with SQLITE_BUSY); queued on the gate, each waiter gives the thread back until its turn.
    /// </summary>
    [Test]
    public async Task Concurrent_writers_sharing_one_thread_all_get_their_turn_without_a_busy_error()
    {
        var oneThread = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;

        var (most, rows) = await RunWritersAsync(writers: 8, rounds: 25, oneThread);

        Assert.That(most, Is.EqualTo(1));
        Assert.That(rows, Is.EqualTo(8 * 25));
    }

    /// <summary>Bounded, so that a turn left taken by a failed test fails the next one instead of hanging the run.</summary>
    private static Task<WriteTransaction> TakeTurnAsync(GridCaseDb db) => WriteTransaction.BeginAsync(db.Database, CancellationToken.None).WaitAsync(Prompt);

    private static async Task EnterRecordAndLeaveAsync(GridCaseDb db, int index, ConcurrentQueue<int> entries)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, CancellationToken.None);
        entries.Enqueue(index);
    }

    /// <summary>Writers each taking their turn <paramref name="rounds"/> times; returns the most holders seen at once and the rows they wrote.</summary>
    private async Task<(int MostHolders, long Rows)> RunWritersAsync(int writers, int rounds, TaskScheduler scheduler)
    {
        var run = Interlocked.Increment(ref _runs) * 1000;
        var holders = 0;
        var most = 0;
        var tasks = Enumerable.Range(0, writers).Select(writer => Task.Factory.StartNew(async () =>
        {
            await using var db = Database.NewContext();
            for (var round = 0; round < rounds; round++)
            {
                await using var transaction = await WriteTransaction.BeginAsync(db.Database, CancellationToken.None);
                var now = Interlocked.Increment(ref holders);
                InterlockedMax(ref most, now);
                await db.Database.ExecuteSqlRawAsync("INSERT INTO gate_probe (writer, round) VALUES ({0}, {1});", run + writer, round);
                // Hands the thread to the other writers while holding the gate: none of them may come in now.
                await Task.Yield();
                Interlocked.Decrement(ref holders);
                await transaction.CommitAsync(CancellationToken.None);
            }
        }, CancellationToken.None, TaskCreationOptions.None, scheduler).Unwrap()).ToList();

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));

        await using var check = Database.NewContext();
        var rows = await check.Database
            .SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM gate_probe WHERE writer BETWEEN {run} AND {run + writers - 1}")
            .SingleAsync();
        return (most, rows);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
