using GridCase.Workflows.Journal;

namespace GridCase.Workflows.Ports.InMemory;

/// <summary>
/// Instances, journals, tasks and timers in memory, for the engine's own tests and the in-process
/// benchmark. A commit is all-or-nothing under one lock and checks the concurrency stamp.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowStore, IJournalStore, ITaskStore, IInstanceFinder
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, StoredInstance> _instances = [];
    private readonly Dictionary<Guid, List<JournalEntry>> _journals = [];
    private readonly Dictionary<string, TaskRecord> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimerRecord> _timers = new(StringComparer.Ordinal);

    public Task<StoredInstance?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_instances.GetValueOrDefault(instanceId));
        }
    }

    public Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var id = commit.State.InstanceId;
            var current = _instances.GetValueOrDefault(id);
            if (current?.Stamp != commit.ExpectedStamp)
            {
                throw new WorkflowConcurrencyException(id);
            }

            var journal = _journals.TryGetValue(id, out var existing) ? existing : [];
            var lastSeq = journal.Count == 0 ? 0 : journal[^1].Seq;
            if (commit.Entries.Select((e, i) => e.Seq != lastSeq + i + 1).Any(bad => bad))
            {
                throw new InvalidOperationException($"Journal of {id} would not be contiguous.");
            }

            _instances[id] = new StoredInstance(commit.State, commit.NewStamp);
            journal.AddRange(commit.Entries);
            _journals[id] = journal;
            foreach (var task in commit.Tasks)
            {
                _tasks[task.TaskId] = task;
            }

            foreach (var timer in commit.Timers)
            {
                _timers[timer.TimerId] = timer;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Guid>> RunningInstancesAsync(string definitionId, int version, Guid? after, int limit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<Guid> ids = _instances.Values
                .Where(i => i.State.DefinitionId == definitionId && i.State.Version == version && i.State.Status == Runtime.WorkflowStatus.Running)
                .Select(i => i.State.InstanceId)
                .Where(id => after is null || id.CompareTo(after.Value) > 0)
                .Order()
                .Take(limit)
                .ToList();
            return Task.FromResult(ids);
        }
    }

    public Task<int> CountRunningAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_instances.Values.Count(i =>
                i.State.DefinitionId == definitionId && i.State.Version == version && i.State.Status == Runtime.WorkflowStatus.Running));
        }
    }

    public Task<IReadOnlyList<JournalEntry>> ReadAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<JournalEntry> entries = _journals.TryGetValue(instanceId, out var journal) ? journal.ToList() : [];
            return Task.FromResult(entries);
        }
    }

    public Task<TaskRecord?> FindTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_tasks.GetValueOrDefault(taskId));
        }
    }

    public Task<IReadOnlyList<TaskRecord>> TasksOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<TaskRecord> tasks = _tasks.Values.Where(t => t.InstanceId == instanceId).OrderBy(t => t.OpenedAt).ThenBy(t => t.TaskId, StringComparer.Ordinal).ToList();
            return Task.FromResult(tasks);
        }
    }

    public Task<IReadOnlyList<TaskRecord>> OpenTasksAsync(IReadOnlyCollection<string> queues, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<TaskRecord> tasks = _tasks.Values
                .Where(t => t.Status == WorkTaskStatus.Open && queues.Contains(t.Queue))
                .OrderBy(t => t.DueAt ?? DateTime.MaxValue).ThenBy(t => t.OpenedAt).ThenBy(t => t.TaskId, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(tasks);
        }
    }

    public Task<IReadOnlyList<TimerRecord>> PendingTimersAsync(DateTime until, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<TimerRecord> timers = _timers.Values
                .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= until)
                .OrderBy(t => t.DueAt).ThenBy(t => t.TimerId, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(timers);
        }
    }

    /// <summary>Test hook: replace the stored journal wholesale (to simulate tampering).</summary>
    public void OverwriteJournal(Guid instanceId, IEnumerable<JournalEntry> entries)
    {
        lock (_lock)
        {
            _journals[instanceId] = entries.ToList();
        }
    }
}
