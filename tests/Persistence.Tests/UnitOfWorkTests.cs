using GridCase.Persistence.Tests.Workflows;
using GridCase.Persistence.Workflows;
using GridCase.Workflows.Ports;
using Microsoft.EntityFrameworkCore;
using static GridCase.Persistence.Tests.Workflows.WorkflowSamples;

namespace GridCase.Persistence.Tests;

/// <summary>
/// A unit of work on SQLite with the workflow store writing into it: the transaction (the file's one writer's turn)
/// begins at the first write, not at <see cref="UnitOfWork.Open"/>; its commit makes everything visible at once, and
/// disposing it without a commit leaves nothing, refused commits included (inside a unit of work they take no
/// savepoint, so only the rollback of the whole unit undoes the rows they wrote before they were refused).
/// </summary>
[TestFixture]
public sealed class UnitOfWorkTests
{
    // Every wait for the writer's turn is bounded: a turn leaked by a broken unit of work fails a test, not the run.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    private readonly EfTestStorage _storage = new(DatabaseProvider.Sqlite);

    [OneTimeSetUp]
    public Task CreateDatabase() => _storage.CreateAsync();

    [TearDown]
    public Task ReleaseContexts() => _storage.ReleaseContextsAsync();

    [OneTimeTearDown]
    public ValueTask DropDatabase() => _storage.DisposeAsync();

    [Test]
    public async Task Opening_begins_no_transaction_and_leaves_the_writers_turn_free()
    {
        var id = Guid.NewGuid();
        var db = _storage.NewContext();
        await using var unitOfWork = new UnitOfWork(db);
        var store = new EfWorkflowStore(db, TimeProvider.System, unitOfWork);

        unitOfWork.Open();
        var loaded = await store.LoadAsync(id);

        Assert.That(loaded, Is.Null);
        Assert.That(unitOfWork.IsOpen, Is.True);
        Assert.That(db.Database.CurrentTransaction, Is.Null);
        await AssertWritersTurnIsFreeAsync();
    }

    [Test]
    public async Task A_workflow_commit_begins_the_transaction_and_the_unit_of_works_commit_publishes_it()
    {
        var id = Guid.NewGuid();
        var stamp = Guid.NewGuid();
        var queue = NewQueue();
        var task = TaskRow(id, queue, At.AddHours(8));
        var timer = TimerRow(id, At.AddHours(8));
        var db = _storage.NewContext();
        await using var unitOfWork = new UnitOfWork(db);
        var store = new EfWorkflowStore(db, TimeProvider.System, unitOfWork);
        unitOfWork.Open();

        await store.CommitAsync(NewInstance(State(id, 2), stamp, Entries(id, 1, 2), [task], [timer])).WaitAsync(Prompt);

        Assert.That(db.Database.CurrentTransaction, Is.Not.Null);
        Assert.That(await NewStore().LoadAsync(id), Is.Null, "not visible before the unit of work commits");

        await unitOfWork.CommitAsync(CancellationToken.None);

        Assert.That(unitOfWork.IsOpen, Is.False);
        Assert.That(db.Database.CurrentTransaction, Is.Null);
        var check = NewStore();
        Assert.That((await check.LoadAsync(id))!.Stamp, Is.EqualTo(stamp));
        Assert.That(await check.ReadAsync(id), Has.Count.EqualTo(2));
        Assert.That((await check.TasksOfInstanceAsync(id)).Select(t => t.TaskId), Is.EqualTo(new[] { task.TaskId }));
        Assert.That(await PendingTimersOfAsync(check, id), Is.EqualTo(new[] { timer }));
        await AssertWritersTurnIsFreeAsync();
    }

    [Test]
    public async Task Disposing_without_a_commit_leaves_no_instance_journal_task_or_timer()
    {
        var id = Guid.NewGuid();
        // The context outlives the unit of work: what is undone here is undone by the unit of work, not by the context.
        var db = _storage.NewContext();
        await using (var unitOfWork = new UnitOfWork(db))
        {
            var store = new EfWorkflowStore(db, TimeProvider.System, unitOfWork);
            unitOfWork.Open();
            await store.CommitAsync(NewInstance(State(id, 3), Guid.NewGuid(), Entries(id, 1, 3), [TaskRow(id, NewQueue(), null)], [TimerRow(id, At)])).WaitAsync(Prompt);
            Assert.That(await store.LoadAsync(id), Is.Not.Null, "written inside the unit of work");
        }

        Assert.That(db.Database.CurrentTransaction, Is.Null);
        await AssertNothingOfAsync(id);
        await AssertWritersTurnIsFreeAsync();
    }

    [Test]
    public async Task A_stale_stamp_inside_a_unit_of_work_is_a_concurrency_conflict_and_its_rows_go_with_the_rollback()
    {
        var id = Guid.NewGuid();
        var queue = NewQueue();
        var created = Guid.NewGuid();
        var current = Guid.NewGuid();
        var entries = Entries(id, 1, 2);
        var task = TaskRow(id, queue, At.AddHours(8));
        await CommitOutsideAsync(NewInstance(State(id, 2), created, entries, [task]));
        await CommitOutsideAsync(Change(State(id, 2) with { LastDecision = "moved on" }, created, current));
        // From the first stamp: journal, task and timer rows that do not collide with anything stored.
        var newTask = TaskRow(id, queue, null);
        var newTimer = TimerRow(id, At);
        var stale = Change(State(id, 3) with { ClosureCode = "stale" }, created, Guid.NewGuid(), Entries(id, 3, 1, entries[^1].Hash), [newTask], [newTimer]);

        var db = _storage.NewContext();
        await using (var unitOfWork = new UnitOfWork(db))
        {
            var store = new EfWorkflowStore(db, TimeProvider.System, unitOfWork);
            unitOfWork.Open();

            Assert.ThrowsAsync<WorkflowConcurrencyException>(() => store.CommitAsync(stale).WaitAsync(Prompt));
            Assert.That(db.Database.CurrentTransaction, Is.Not.Null, "the refusal leaves the unit of work to its owner");
        }

        var check = NewStore();
        var loaded = await check.LoadAsync(id);
        Assert.That(loaded!.Stamp, Is.EqualTo(current));
        Assert.That(loaded.State.ClosureCode, Is.Null);
        Assert.That(await check.ReadAsync(id), Is.EqualTo(entries));
        Assert.That((await check.TasksOfInstanceAsync(id)).Select(t => t.TaskId), Is.EqualTo(new[] { task.TaskId }));
        Assert.That(await check.FindTaskAsync(newTask.TaskId), Is.Null);
        Assert.That(await TimerExistsAsync(newTimer.TimerId), Is.False);
        await AssertWritersTurnIsFreeAsync();
    }

    [Test]
    public async Task A_new_instance_taking_another_instances_task_id_inside_a_unit_of_work_is_a_bug_and_leaves_nothing()
    {
        var owner = Guid.NewGuid();
        var task = TaskRow(owner, NewQueue(), null);
        await CommitOutsideAsync(NewInstance(State(owner), Guid.NewGuid(), tasks: [task]));
        var intruder = Guid.NewGuid();
        var intruding = NewInstance(State(intruder, 2), Guid.NewGuid(), Entries(intruder, 1, 2), [task with { InstanceId = intruder }], [TimerRow(intruder, At)]);

        var db = _storage.NewContext();
        await using (var unitOfWork = new UnitOfWork(db))
        {
            var store = new EfWorkflowStore(db, TimeProvider.System, unitOfWork);
            unitOfWork.Open();

            Assert.ThrowsAsync<InvalidOperationException>(() => store.CommitAsync(intruding).WaitAsync(Prompt));
        }

        await AssertNothingOfAsync(intruder);
        Assert.That((await NewStore().FindTaskAsync(task.TaskId))!.InstanceId, Is.EqualTo(owner));
        await AssertWritersTurnIsFreeAsync();
    }

    [Test]
    public async Task A_change_taking_another_instances_timer_id_inside_a_unit_of_work_is_a_bug_and_leaves_the_instance_as_it_was()
    {
        var owner = Guid.NewGuid();
        var timer = TimerRow(owner, At);
        await CommitOutsideAsync(NewInstance(State(owner), Guid.NewGuid(), timers: [timer]));
        var intruder = Guid.NewGuid();
        var stamp = Guid.NewGuid();
        var entries = Entries(intruder, 1, 1);
        await CommitOutsideAsync(NewInstance(State(intruder, 1), stamp, entries));
        var intruding = Change(State(intruder, 2), stamp, Guid.NewGuid(), Entries(intruder, 2, 1, entries[^1].Hash), [TaskRow(intruder, NewQueue(), null)],
            [timer with { InstanceId = intruder, Status = TimerStatus.Fired }]);

        var db = _storage.NewContext();
        await using (var unitOfWork = new UnitOfWork(db))
        {
            var store = new EfWorkflowStore(db, TimeProvider.System, unitOfWork);
            unitOfWork.Open();

            Assert.ThrowsAsync<InvalidOperationException>(() => store.CommitAsync(intruding).WaitAsync(Prompt));
        }

        var check = NewStore();
        Assert.That((await check.LoadAsync(intruder))!.Stamp, Is.EqualTo(stamp));
        Assert.That(await check.ReadAsync(intruder), Is.EqualTo(entries));
        Assert.That(await check.TasksOfInstanceAsync(intruder), Is.Empty);
        Assert.That(await PendingTimersOfAsync(check, owner), Is.EqualTo(new[] { timer }));
        await AssertWritersTurnIsFreeAsync();
    }

    /// <summary>A store with its own context (disposed after the test) and no unit of work.</summary>
    private EfWorkflowStore NewStore() => new(_storage.NewContext(), TimeProvider.System);

    /// <summary>A commit in a transaction of its own, outside any unit of work.</summary>
    private Task CommitOutsideAsync(WorkflowCommit commit) => NewStore().CommitAsync(commit).WaitAsync(Prompt);

    private async Task AssertNothingOfAsync(Guid id)
    {
        var db = _storage.NewContext();
        var left = new
        {
            Instances = await db.WorkflowInstances.CountAsync(i => i.Id == id),
            JournalEntries = await db.JournalEntries.CountAsync(e => e.InstanceId == id),
            Tasks = await db.WorkflowTasks.CountAsync(t => t.InstanceId == id),
            Timers = await db.WorkflowTimers.CountAsync(t => t.InstanceId == id),
        };
        Assert.That(left, Is.EqualTo(new { Instances = 0, JournalEntries = 0, Tasks = 0, Timers = 0 }));
    }

    private Task<bool> TimerExistsAsync(string timerId) => _storage.NewContext().WorkflowTimers.AnyAsync(t => t.TimerId == timerId);

    private async Task AssertWritersTurnIsFreeAsync()
    {
        await using var db = _storage.NewContext();
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, CancellationToken.None).WaitAsync(Prompt);
        Assert.That(db.Database.CurrentTransaction, Is.SameAs(transaction.Transaction));
    }

    private static async Task<IReadOnlyList<TimerRecord>> PendingTimersOfAsync(EfWorkflowStore store, Guid instanceId) =>
        (await store.PendingTimersAsync(DateTime.MaxValue)).Where(t => t.InstanceId == instanceId).ToList();
}
