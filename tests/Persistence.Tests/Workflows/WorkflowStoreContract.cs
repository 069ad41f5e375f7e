using GridCase.Persistence.Workflows;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Ports;
using GridCase.Workflows.Ports.InMemory;
using GridCase.Workflows.Runtime;
using static GridCase.Persistence.Tests.Workflows.WorkflowSamples;

namespace GridCase.Persistence.Tests.Workflows;

/// <summary>
/// What every adapter of <see cref="IWorkflowStore"/>, <see cref="IJournalStore"/> and <see cref="ITaskStore"/>
/// must do. The stores of one fixture share their storage; tests keep apart by fresh instance ids and queues.
/// </summary>
public abstract class WorkflowStoreContract
{
    protected sealed record Stores(IWorkflowStore Workflows, IJournalStore Journal, ITaskStore Tasks);

    /// <summary>Stores over the fixture's storage; each call is a separate unit of work (for EF, its own context).</summary>
    protected abstract Stores CreateStores();

    [Test]
    public async Task A_new_instance_reads_back_with_its_whole_state()
    {
        var stores = CreateStores();
        var state = RichState(Guid.NewGuid());
        var stamp = Guid.NewGuid();

        await stores.Workflows.CommitAsync(NewInstance(state, stamp));
        var loaded = await CreateStores().Workflows.LoadAsync(state.InstanceId);

        Assert.That(loaded, Is.Not.Null);
        Assert.That(loaded!.Stamp, Is.EqualTo(stamp));
        AssertSameState(loaded.State, state);
    }

    [Test]
    public async Task Running_instances_of_one_version_come_in_id_pages_and_leave_it_when_migrated()
    {
        var definition = "d" + Guid.NewGuid().ToString("N")[..12];
        var stamps = new Dictionary<Guid, Guid>();
        foreach (var (version, status) in new[] { (1, WorkflowStatus.Running), (1, WorkflowStatus.Running), (1, WorkflowStatus.Running), (1, WorkflowStatus.Running), (1, WorkflowStatus.Running), (2, WorkflowStatus.Running), (1, WorkflowStatus.Completed) })
        {
            var id = Guid.NewGuid();
            stamps[id] = Guid.NewGuid();
            await CreateStores().Workflows.CommitAsync(NewInstance(State(id) with { DefinitionId = definition, Version = version, Status = status }, stamps[id]));
        }

        var finder = (IInstanceFinder)CreateStores().Workflows;
        var first = await finder.RunningInstancesAsync(definition, 1, null, 3);
        var second = await finder.RunningInstancesAsync(definition, 1, first[^1], 3);
        var migrated = first[1];
        var state = (await CreateStores().Workflows.LoadAsync(migrated))!.State;
        await CreateStores().Workflows.CommitAsync(Change(state with { Version = 2 }, stamps[migrated], Guid.NewGuid()));

        var running = stamps.Keys.Take(5).Order().ToList();
        Assert.That(first.Concat(second), Is.EqualTo(running));
        Assert.That(second, Has.Count.EqualTo(2));
        Assert.That(await finder.RunningInstancesAsync(definition, 1, null, 10), Is.EqualTo(running.Where(id => id != migrated)));
        Assert.That(await finder.RunningInstancesAsync(definition, 2, null, 10), Has.Count.EqualTo(2).And.Contains(migrated));
        Assert.That(await finder.CountRunningAsync(definition, 1), Is.EqualTo(4));
        Assert.That(await finder.CountRunningAsync(definition, 2), Is.EqualTo(2));
        Assert.That(await finder.CountRunningAsync(definition, 3), Is.Zero);
    }

    [Test]
    public async Task An_unknown_instance_loads_as_nothing() =>
        Assert.That(await CreateStores().Workflows.LoadAsync(Guid.NewGuid()), Is.Null);

    [Test]
    public async Task The_journal_reads_back_in_seq_order_with_its_chain_intact()
    {
        var stores = CreateStores();
        var id = Guid.NewGuid();
        var first = Entries(id, 1, 3);
        var second = Entries(id, 4, 4, first[^1].Hash);
        var stamp = Guid.NewGuid();
        await stores.Workflows.CommitAsync(NewInstance(State(id, 3), stamp, first));
        await stores.Workflows.CommitAsync(Change(State(id, 7), stamp, Guid.NewGuid(), second));

        var journal = await CreateStores().Journal.ReadAsync(id);

        Assert.That(journal, Is.EqualTo(first.Concat(second)));
        Assert.That(JournalChain.FirstBrokenSeq(journal), Is.Null);
        Assert.That(journal.Select(e => e.At.Kind), Is.All.EqualTo(DateTimeKind.Utc));
    }

    [Test]
    public async Task A_commit_from_a_stale_stamp_is_refused_and_writes_nothing()
    {
        var stores = CreateStores();
        var id = Guid.NewGuid();
        var queue = NewQueue();
        var task = TaskRow(id, queue, At.AddHours(8));
        var timer = TimerRow(id, At.AddHours(8));
        var created = Guid.NewGuid();
        var entries = Entries(id, 1, 2);
        await stores.Workflows.CommitAsync(NewInstance(State(id, 2), created, entries, [task], [timer]));
        var current = Guid.NewGuid();
        var more = Entries(id, 3, 1, entries[^1].Hash);
        await stores.Workflows.CommitAsync(Change(State(id, 3), created, current, more, [task with { ClaimedBy = "h1" }]));

        var stale = Change(
            State(id, 4) with { ClosureCode = "stale" },
            created,
            Guid.NewGuid(),
            Entries(id, 3, 2, entries[^1].Hash),
            [task with { Status = WorkTaskStatus.Completed, Outcome = "办结", ClosedAt = At.AddHours(1) }, TaskRow(id, queue, null)],
            [timer with { Status = TimerStatus.Cancelled }, TimerRow(id, At)]);

        Assert.ThrowsAsync<WorkflowConcurrencyException>(() => stores.Workflows.CommitAsync(stale));

        var check = CreateStores();
        var loaded = await check.Workflows.LoadAsync(id);
        Assert.That(loaded!.Stamp, Is.EqualTo(current));
        Assert.That(loaded.State.ClosureCode, Is.Null);
        Assert.That(await check.Journal.ReadAsync(id), Is.EqualTo(entries.Concat(more)));
        var tasks = await check.Tasks.TasksOfInstanceAsync(id);
        Assert.That(tasks, Has.Count.EqualTo(1));
        Assert.That(tasks[0] with { Outcomes = task.Outcomes }, Is.EqualTo(task with { ClaimedBy = "h1" }));
        Assert.That(await PendingTimersOf(check, id, At.AddDays(30)), Is.EqualTo(new[] { timer }));
    }

    [Test]
    public async Task A_new_instance_with_the_id_of_an_existing_one_is_refused()
    {
        var stores = CreateStores();
        var id = Guid.NewGuid();
        var stamp = Guid.NewGuid();
        await stores.Workflows.CommitAsync(NewInstance(State(id, 1), stamp, Entries(id, 1, 1)));

        Assert.ThrowsAsync<WorkflowConcurrencyException>(() =>
            CreateStores().Workflows.CommitAsync(NewInstance(State(id, 1) with { ClosureCode = "again" }, Guid.NewGuid(), Entries(id, 1, 1), [TaskRow(id, NewQueue(), null)])));

        var check = CreateStores();
        Assert.That((await check.Workflows.LoadAsync(id))!.Stamp, Is.EqualTo(stamp));
        Assert.That(await check.Journal.ReadAsync(id), Has.Count.EqualTo(1));
        Assert.That(await check.Tasks.TasksOfInstanceAsync(id), Is.Empty);
    }

    [Test]
    public async Task A_change_to_an_instance_that_does_not_exist_is_refused()
    {
        var id = Guid.NewGuid();

        Assert.ThrowsAsync<WorkflowConcurrencyException>(() =>
            CreateStores().Workflows.CommitAsync(Change(State(id, 1), Guid.NewGuid(), Guid.NewGuid(), Entries(id, 1, 1), [TaskRow(id, NewQueue(), null)])));

        var check = CreateStores();
        Assert.That(await check.Workflows.LoadAsync(id), Is.Null);
        Assert.That(await check.Journal.ReadAsync(id), Is.Empty);
        Assert.That(await check.Tasks.TasksOfInstanceAsync(id), Is.Empty);
    }

    [Test]
    public async Task Of_concurrent_commits_from_the_same_stamp_exactly_one_wins()
    {
        const int contenders = 6;
        var id = Guid.NewGuid();
        var queue = NewQueue();
        var created = Guid.NewGuid();
        var first = Entries(id, 1, 1);
        await CreateStores().Workflows.CommitAsync(NewInstance(State(id, 1), created, first));

        var commits = Enumerable.Range(0, contenders)
            .Select(i => Change(State(id, 3) with { ClosureCode = "c" + i }, created, Guid.NewGuid(), Entries(id, 2, 2, first[^1].Hash), [TaskRow(id, queue, null)]))
            .ToList();
        var stores = commits.Select(_ => CreateStores()).ToList();
        var outcomes = await Task.WhenAll(commits.Select((commit, i) => Task.Run(async () =>
        {
            try
            {
                await stores[i].Workflows.CommitAsync(commit);
                return true;
            }
            catch (WorkflowConcurrencyException)
            {
                return false;
            }
        })));

        Assert.That(outcomes.Count(won => won), Is.EqualTo(1));
        var winner = commits[Array.IndexOf(outcomes, true)];
        var check = CreateStores();
        var loaded = await check.Workflows.LoadAsync(id);
        Assert.That(loaded!.Stamp, Is.EqualTo(winner.NewStamp));
        Assert.That(loaded.State.ClosureCode, Is.EqualTo(winner.State.ClosureCode));
        Assert.That(await check.Journal.ReadAsync(id), Has.Count.EqualTo(3));
        Assert.That((await check.Tasks.OpenTasksAsync([queue])).Select(t => t.TaskId), Is.EqualTo(new[] { winner.Tasks[0].TaskId }));
    }

    [TestCase(new long[] { 4, 5 })]
    [TestCase(new long[] { 2, 3 })]
    [TestCase(new long[] { 1 })]
    [TestCase(new long[] { 3, 5 })]
    [TestCase(new long[] { 3, 3 })]
    public async Task A_journal_that_would_not_be_contiguous_is_refused_and_nothing_is_written(long[] seqs)
    {
        var stores = CreateStores();
        var id = Guid.NewGuid();
        var stamp = Guid.NewGuid();
        var entries = Entries(id, 1, 2);
        await stores.Workflows.CommitAsync(NewInstance(State(id, 2), stamp, entries));
        var bad = seqs.Select(seq => Entries(id, seq, 1)[0]).ToList();

        Assert.ThrowsAsync<InvalidOperationException>(() =>
            CreateStores().Workflows.CommitAsync(Change(State(id, seqs[^1]), stamp, Guid.NewGuid(), bad, [TaskRow(id, NewQueue(), null)])));

        var check = CreateStores();
        Assert.That((await check.Workflows.LoadAsync(id))!.Stamp, Is.EqualTo(stamp));
        Assert.That(await check.Journal.ReadAsync(id), Is.EqualTo(entries));
        Assert.That(await check.Tasks.TasksOfInstanceAsync(id), Is.Empty);
    }

    [Test]
    public async Task A_new_instance_whose_journal_does_not_start_at_one_is_refused()
    {
        var id = Guid.NewGuid();

        Assert.ThrowsAsync<InvalidOperationException>(() =>
            CreateStores().Workflows.CommitAsync(NewInstance(State(id, 3), Guid.NewGuid(), Entries(id, 2, 2))));

        Assert.That(await CreateStores().Workflows.LoadAsync(id), Is.Null);
    }

    [Test]
    public async Task A_commit_without_entries_keeps_the_journal_where_it_was()
    {
        var stores = CreateStores();
        var id = Guid.NewGuid();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var entries = Entries(id, 1, 2);
        await stores.Workflows.CommitAsync(NewInstance(State(id, 2), first, entries));
        await stores.Workflows.CommitAsync(Change(State(id, 2) with { LastDecision = "admin" }, first, second));

        await stores.Workflows.CommitAsync(Change(State(id, 3), second, Guid.NewGuid(), Entries(id, 3, 1, entries[^1].Hash)));

        Assert.That(await CreateStores().Journal.ReadAsync(id), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Open_tasks_are_those_of_the_queues_asked_for_by_due_time_with_no_due_time_last()
    {
        var id = Guid.NewGuid();
        string queueA = NewQueue(), queueB = NewQueue(), other = NewQueue();
        var b = TaskRow(id, queueB, At);
        var a1 = TaskRow(id, queueA, At.AddHours(1));
        var a2 = TaskRow(id, queueA, At.AddHours(2));
        var undatedEarly = TaskRow(id, queueA, null) with { OpenedAt = At.AddMinutes(-5) };
        var undatedLate = TaskRow(id, queueA, null);
        var tasks = new[]
        {
            undatedLate, a2, TaskRow(id, queueA, At.AddMinutes(30), WorkTaskStatus.Completed), b,
            TaskRow(id, queueA, At.AddMinutes(10), WorkTaskStatus.Cancelled), undatedEarly, TaskRow(id, other, At.AddMinutes(-1)), a1,
        };
        await CreateStores().Workflows.CommitAsync(NewInstance(State(id), Guid.NewGuid(), tasks: tasks));

        var open = await CreateStores().Tasks.OpenTasksAsync([queueA, queueB]);

        Assert.That(open.Select(t => t.TaskId), Is.EqualTo(new[] { b, a1, a2, undatedEarly, undatedLate }.Select(t => t.TaskId)));
        Assert.That(await CreateStores().Tasks.OpenTasksAsync([NewQueue()]), Is.Empty);
    }

    [Test]
    public async Task Pending_timers_are_those_due_by_the_time_asked_earliest_first()
    {
        var id = Guid.NewGuid();
        var dueEarlier = TimerRow(id, At.AddHours(-1));
        var dueNow = TimerRow(id, At);
        var timers = new[]
        {
            dueNow, TimerRow(id, At.AddTicks(10)), TimerRow(id, At.AddHours(-2), TimerStatus.Fired), dueEarlier,
            TimerRow(id, At.AddHours(-3), TimerStatus.Cancelled), TimerRow(id, At.AddDays(1)),
        };
        await CreateStores().Workflows.CommitAsync(NewInstance(State(id), Guid.NewGuid(), timers: timers));

        var due = await PendingTimersOf(CreateStores(), id, At);

        Assert.That(due, Is.EqualTo(new[] { dueEarlier, dueNow }));
        Assert.That(due.Select(t => t.DueAt.Kind), Is.All.EqualTo(DateTimeKind.Utc));
    }

    [Test]
    public async Task A_task_reads_back_with_every_field()
    {
        var id = Guid.NewGuid();
        var task = TaskRow(id, NewQueue(), At.AddHours(8), WorkTaskStatus.Completed) with { ClaimedBy = "h140521HB", Warned = true, Overdue = true, Kind = TaskKind.Incident };
        await CreateStores().Workflows.CommitAsync(NewInstance(State(id), Guid.NewGuid(), tasks: [task]));

        var found = await CreateStores().Tasks.FindTaskAsync(task.TaskId);

        Assert.That(found, Is.Not.Null);
        Assert.That(found! with { Outcomes = task.Outcomes }, Is.EqualTo(task));
        Assert.That(found.Outcomes, Is.EqualTo(task.Outcomes));
        Assert.That(new[] { found.OpenedAt.Kind, found.DueAt!.Value.Kind, found.ClosedAt!.Value.Kind }, Is.All.EqualTo(DateTimeKind.Utc));
        Assert.That(await CreateStores().Tasks.FindTaskAsync(Guid.NewGuid().ToString("D")), Is.Null);
    }

    [Test]
    public async Task Task_and_timer_rows_are_replaced_by_later_commits()
    {
        var stores = CreateStores();
        var id = Guid.NewGuid();
        var queue = NewQueue();
        var task = TaskRow(id, queue, At.AddHours(8));
        var timer = TimerRow(id, At);
        var stamps = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        await stores.Workflows.CommitAsync(NewInstance(State(id), stamps[0], tasks: [task], timers: [timer]));

        await stores.Workflows.CommitAsync(Change(State(id), stamps[0], stamps[1], tasks: [task with { ClaimedBy = "h1" }]));
        var claimed = await CreateStores().Tasks.FindTaskAsync(task.TaskId);
        await stores.Workflows.CommitAsync(Change(
            State(id), stamps[1], stamps[2], tasks: [task with { ClaimedBy = "h1", Status = WorkTaskStatus.Completed, Outcome = "办结", ClosedAt = At.AddHours(2) }], timers: [timer with { Status = TimerStatus.Fired }]));

        var check = CreateStores();
        var completed = await check.Tasks.FindTaskAsync(task.TaskId);
        Assert.That(claimed!.ClaimedBy, Is.EqualTo("h1"));
        Assert.That(claimed.Status, Is.EqualTo(WorkTaskStatus.Open));
        Assert.That(completed!.Status, Is.EqualTo(WorkTaskStatus.Completed));
        Assert.That(completed.Outcome, Is.EqualTo("办结"));
        Assert.That(completed.ClosedAt, Is.EqualTo(At.AddHours(2)));
        Assert.That(await check.Tasks.TasksOfInstanceAsync(id), Has.Count.EqualTo(1));
        Assert.That(await check.Tasks.OpenTasksAsync([queue]), Is.Empty);
        Assert.That(await PendingTimersOf(check, id, At.AddDays(1)), Is.Empty);
    }

    [Test]
    public async Task The_tasks_of_an_instance_come_in_the_order_they_were_opened()
    {
        var id = Guid.NewGuid();
        var queue = NewQueue();
        var later = TaskRow(id, queue, null) with { OpenedAt = At.AddMinutes(1) };
        var earlier = TaskRow(id, queue, null, WorkTaskStatus.Cancelled) with { OpenedAt = At.AddMinutes(-1) };
        await CreateStores().Workflows.CommitAsync(NewInstance(State(id), Guid.NewGuid(), tasks: [later, TaskRow(Guid.NewGuid(), queue, null), earlier]));

        var tasks = await CreateStores().Tasks.TasksOfInstanceAsync(id);

        Assert.That(tasks.Select(t => t.TaskId), Is.EqualTo(new[] { earlier.TaskId, later.TaskId }));
    }

    private static async Task<IReadOnlyList<TimerRecord>> PendingTimersOf(Stores stores, Guid instanceId, DateTime until) =>
        (await stores.Tasks.PendingTimersAsync(until)).Where(t => t.InstanceId == instanceId).ToList();

    /// <summary>Member by member, by content (records holding collections compare by reference otherwise).</summary>
    private static void AssertSameState(WorkflowState actual, WorkflowState expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(actual.InstanceId, Is.EqualTo(expected.InstanceId));
            Assert.That(actual.DefinitionId, Is.EqualTo(expected.DefinitionId));
            Assert.That(actual.Version, Is.EqualTo(expected.Version));
            Assert.That(actual.Status, Is.EqualTo(expected.Status));
            Assert.That(actual.Subject with { TimeLimitHours = expected.Subject.TimeLimitHours }, Is.EqualTo(expected.Subject));
            Assert.That(actual.Subject.TimeLimitHours, Is.EquivalentTo(expected.Subject.TimeLimitHours));
            Assert.That(actual.Responsibility, Is.EqualTo(expected.Responsibility));
            Assert.That(Typed(actual.Variables), Is.EqualTo(Typed(expected.Variables)));
            Assert.That(actual.Variables.KeyComparer, Is.SameAs(StringComparer.Ordinal));
            Assert.That(actual.Tasks.Select(t => t with { Outcomes = [] }), Is.EqualTo(expected.Tasks.Select(t => t with { Outcomes = [] })));
            Assert.That(actual.Tasks.Select(t => t.Outcomes), Is.EqualTo(expected.Tasks.Select(t => t.Outcomes)));
            Assert.That(actual.Tasks.Select(t => t.OpenedAt.Kind), Is.All.EqualTo(DateTimeKind.Utc));
            Assert.That(actual.Timers, Is.EqualTo(expected.Timers));
            Assert.That(actual.JoinArrivals, Is.EqualTo(expected.JoinArrivals));
            Assert.That(actual.JoinArrivals.KeyComparer, Is.SameAs(StringComparer.Ordinal));
            Assert.That(actual.JoinArrivals.Values.Select(s => s.KeyComparer), Is.All.SameAs(StringComparer.Ordinal));
            Assert.That(actual.Performers, Is.EqualTo(expected.Performers));
            Assert.That(actual.SupervisedBy, Is.EqualTo(expected.SupervisedBy));
            Assert.That(actual.ClosureCode, Is.EqualTo(expected.ClosureCode));
            Assert.That(actual.LastDecision, Is.EqualTo(expected.LastDecision));
            Assert.That(actual.LastSeq, Is.EqualTo(expected.LastSeq));
            Assert.That(actual.LastHash, Is.EqualTo(expected.LastHash));
            Assert.That(actual.IdCounter, Is.EqualTo(expected.IdCounter));
            Assert.That(actual.ActiveNodeIds, Is.EqualTo(expected.ActiveNodeIds));

            // Catches members added to the state after this test was written.
            Assert.That(WorkflowStateJson.Write(actual), Is.EqualTo(WorkflowStateJson.Write(expected)));
        });
    }
}

[TestFixture]
public sealed class InMemoryWorkflowStoreTests : WorkflowStoreContract
{
    private readonly InMemoryWorkflowStore _store = new();

    protected override Stores CreateStores() => new(_store, _store, _store);
}

[TestFixture]
public sealed class SqliteWorkflowStoreTests() : EfWorkflowStoreTests(DatabaseProvider.Sqlite);

[TestFixture]
public sealed class PostgresWorkflowStoreTests() : EfWorkflowStoreTests(DatabaseProvider.Postgres);
