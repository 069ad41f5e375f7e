using GridCase.Persistence.Workflows;
using GridCase.Workflows.Ports;
using static GridCase.Persistence.Tests.Workflows.WorkflowSamples;

namespace GridCase.Persistence.Tests.Workflows;

/// <summary>The contract on a real database, and what only the database can get wrong.</summary>
public abstract class EfWorkflowStoreTests(DatabaseProvider provider) : WorkflowStoreContract
{
    private readonly EfTestStorage _storage = new(provider);

    [OneTimeSetUp]
    public Task CreateDatabase() => _storage.CreateAsync();

    [TearDown]
    public Task ReleaseContexts() => _storage.ReleaseContextsAsync();

    [OneTimeTearDown]
    public ValueTask DropDatabase() => _storage.DisposeAsync();

    protected override Stores CreateStores()
    {
        var store = new EfWorkflowStore(_storage.NewContext(), TimeProvider.System);
        return new Stores(store, store, store);
    }

    [Test]
    public async Task A_journal_row_the_instance_does_not_know_about_surfaces_as_a_concurrency_conflict()
    {
        var id = Guid.NewGuid();
        var entries = Entries(id, 1, 2);
        await using (var db = _storage.Database.NewContext())
        {
            db.JournalEntries.Add(new JournalEntryRow
            {
                InstanceId = id,
                Seq = 2,
                At = At,
                ActorUserId = "system",
                Kind = "Reported",
                DefinitionId = "x",
                DefinitionVersion = 1,
                Data = "{}",
                PrevHash = "",
                Hash = "",
            });
            await db.SaveChangesAsync();
        }

        Assert.ThrowsAsync<WorkflowConcurrencyException>(() => CreateStores().Workflows.CommitAsync(NewInstance(State(id, 2), Guid.NewGuid(), entries)));

        var check = CreateStores();
        Assert.That(await check.Workflows.LoadAsync(id), Is.Null);
        Assert.That((await check.Journal.ReadAsync(id)).Select(e => e.Seq), Is.EqualTo(new[] { 2L }));
    }

    [Test]
    public async Task A_task_or_timer_id_of_another_instance_is_refused()
    {
        var owner = Guid.NewGuid();
        var task = TaskRow(owner, NewQueue(), null);
        var timer = TimerRow(owner, At);
        await CreateStores().Workflows.CommitAsync(NewInstance(State(owner), Guid.NewGuid(), tasks: [task], timers: [timer]));
        var intruder = Guid.NewGuid();

        Assert.ThrowsAsync<InvalidOperationException>(() =>
            CreateStores().Workflows.CommitAsync(NewInstance(State(intruder), Guid.NewGuid(), tasks: [task with { InstanceId = intruder }])));
        Assert.ThrowsAsync<InvalidOperationException>(() =>
            CreateStores().Workflows.CommitAsync(NewInstance(State(intruder), Guid.NewGuid(), timers: [timer with { InstanceId = intruder }])));

        var check = CreateStores();
        Assert.That(await check.Workflows.LoadAsync(intruder), Is.Null);
        Assert.That((await check.Tasks.FindTaskAsync(task.TaskId))!.InstanceId, Is.EqualTo(owner));
    }

    [Test]
    public async Task Inside_a_callers_transaction_a_refused_commit_undoes_only_itself()
    {
        var id = Guid.NewGuid();
        var stamp = Guid.NewGuid();
        var entries = Entries(id, 1, 1);
        await using (var db = _storage.Database.NewContext())
        {
            var store = new EfWorkflowStore(db, TimeProvider.System);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await store.CommitAsync(NewInstance(State(id, 1), stamp, entries));

            Assert.ThrowsAsync<WorkflowConcurrencyException>(() =>
                store.CommitAsync(Change(State(id, 2), Guid.NewGuid(), Guid.NewGuid(), Entries(id, 2, 1, entries[^1].Hash))));
            Assert.That(db.Database.CurrentTransaction, Is.SameAs(transaction));

            await transaction.CommitAsync();
        }

        var check = CreateStores();
        Assert.That((await check.Workflows.LoadAsync(id))!.Stamp, Is.EqualTo(stamp));
        Assert.That(await check.Journal.ReadAsync(id), Is.EqualTo(entries));
    }
}
