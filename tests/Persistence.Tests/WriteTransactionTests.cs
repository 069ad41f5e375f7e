using GridCase.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence.Tests;

/// <summary>
/// Write transactions on one SQLite file from several contexts: concurrent writers take turns and all commit (no
/// SQLITE_BUSY), the turn belongs to the file whatever the connection string calls it, and a transaction disposed
/// without a commit leaves nothing and hands the turn on.
/// </summary>
[TestFixture]
public sealed class WriteTransactionTests() : ProviderFixture(DatabaseProvider.Sqlite)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    [OneTimeSetUp]
    public async Task CreateProbeTable()
    {
        await using var db = Database.NewContext();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE write_probe (label TEXT NOT NULL);");
    }

    [Test]
    public async Task Two_contexts_writing_at_once_take_turns_and_commit_every_row()
    {
        const int rounds = 40;
        var label = Guid.NewGuid().ToString("N");

        await Task.WhenAll(Task.Run(() => WriteRoundsAsync(label, rounds)), Task.Run(() => WriteRoundsAsync(label, rounds))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(await CountAsync(label), Is.EqualTo(2 * rounds));
    }

    [Test]
    public async Task A_connection_string_naming_the_same_file_differently_waits_for_the_same_turn()
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Database.Options.ConnectionString).DataSource;
        var relative = Database.Options with { ConnectionString = $"Data Source={Path.GetRelativePath(Environment.CurrentDirectory, file)};Default Timeout=30" };
        await using var first = Database.NewContext();
        await using var second = PersistenceServiceCollectionExtensions.CreateContext(relative);
        await using var holder = await TakeTurnAsync(first);

        var waiting = WriteTransaction.BeginAsync(second.Database, CancellationToken.None);
        var enteredEarly = waiting.IsCompleted;
        await holder.DisposeAsync();
        await using var entered = await waiting.WaitAsync(Prompt);

        Assert.That(enteredEarly, Is.False, "a gate per connection string would have let it run into SQLite's lock instead");
        Assert.That(second.Database.CurrentTransaction, Is.SameAs(entered.Transaction));
    }

    [Test]
    public async Task Disposing_without_a_commit_rolls_back_and_lets_the_next_writer_in()
    {
        var label = Guid.NewGuid().ToString("N");
        await using var first = Database.NewContext();
        await using var second = Database.NewContext();

        await using (await TakeTurnAsync(first))
        {
            await InsertAsync(first, label);
            Assert.That(await CountAsync(label, first), Is.EqualTo(1), "the row is there inside the transaction");
        }

        await using var next = await TakeTurnAsync(second);

        Assert.That(first.Database.CurrentTransaction, Is.Null);
        Assert.That(second.Database.CurrentTransaction, Is.SameAs(next.Transaction));
        Assert.That(await CountAsync(label, second), Is.Zero);
        Assert.That(await CountAsync(label), Is.Zero);
    }

    [Test]
    public async Task A_committed_write_is_visible_to_another_context()
    {
        var label = Guid.NewGuid().ToString("N");
        await using var db = Database.NewContext();

        await using (var transaction = await TakeTurnAsync(db))
        {
            await InsertAsync(db, label);
            await transaction.CommitAsync(CancellationToken.None);
        }

        Assert.That(await CountAsync(label), Is.EqualTo(1));
    }

    /// <summary>Bounded, so that a turn left taken by a failed test fails the next one instead of hanging the run.</summary>
    private static Task<WriteTransaction> TakeTurnAsync(GridCaseDb db) => WriteTransaction.BeginAsync(db.Database, CancellationToken.None).WaitAsync(Prompt);

    private async Task WriteRoundsAsync(string label, int rounds)
    {
        await using var db = Database.NewContext();
        for (var round = 0; round < rounds; round++)
        {
            await using var transaction = await WriteTransaction.BeginAsync(db.Database, CancellationToken.None);
            await InsertAsync(db, label);
            // Keeps the turn across a real yield, so the other writer is waiting while this one still holds it.
            await Task.Yield();
            await transaction.CommitAsync(CancellationToken.None);
        }
    }

    private static Task InsertAsync(GridCaseDb db, string label) =>
        db.Database.ExecuteSqlRawAsync("INSERT INTO write_probe (label) VALUES ({0});", label);

    private async Task<long> CountAsync(string label, GridCaseDb? db = null)
    {
        if (db is not null)
        {
            return await db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM write_probe WHERE label = {label}").SingleAsync();
        }

        await using var fresh = Database.NewContext();
        return await CountAsync(label, fresh);
    }
}
