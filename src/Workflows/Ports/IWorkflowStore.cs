using GridCase.Workflows.Journal;
using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Ports;

/// <summary>An instance as stored, with the concurrency stamp it was read at.</summary>
public sealed record StoredInstance(WorkflowState State, Guid Stamp);

/// <summary>
/// Everything one stimulus changed, committed in one transaction: the new state (guarded by the stamp it was
/// loaded with; <c>null</c> for a new instance), the journal entries, and the task and timer rows.
/// </summary>
public sealed record WorkflowCommit(
    WorkflowState State,
    Guid? ExpectedStamp,
    Guid NewStamp,
    IReadOnlyList<JournalEntry> Entries,
    IReadOnlyList<TaskRecord> Tasks,
    IReadOnlyList<TimerRecord> Timers);

public enum WorkTaskStatus
{
    Open,
    Completed,
    Cancelled,
}

/// <summary>The queryable row of a task (a projection of <see cref="OpenTask"/> plus its end).</summary>
public sealed record TaskRecord(
    string TaskId,
    Guid InstanceId,
    string NodeId,
    TaskKind Kind,
    string Queue,
    string Form,
    IReadOnlyList<string> Outcomes,
    WorkTaskStatus Status,
    string? ClaimedBy,
    DateTime OpenedAt,
    DateTime? WarnAt,
    DateTime? DueAt,
    bool Warned,
    bool Overdue,
    string? Outcome,
    DateTime? ClosedAt)
{
    // Kept in the instance state (OpenTask), not in a column: a store may read them back as the defaults.

    /// <summary>What the task asks of its queue (disposal, check, visit).</summary>
    public Domain.Cases.TaskPurpose Purpose { get; init; }

    /// <summary>The unit a multi-instance (<c>forEach</c>) task is for.</summary>
    public string? Item { get; init; }

    /// <summary>A dispatcher of an area above the queue may claim the task.</summary>
    public bool ClaimFromAbove { get; init; }
}

public enum TimerStatus
{
    Pending,
    Fired,
    Cancelled,
}

/// <summary>The durable row of a timer: the truth a scheduler delivers from.</summary>
public sealed record TimerRecord(string TimerId, Guid InstanceId, string NodeId, TimerPurpose Purpose, DateTime DueAt, TimerStatus Status);

/// <summary>Thrown when the instance changed since it was loaded; nothing was written.</summary>
public sealed class WorkflowConcurrencyException(Guid instanceId)
    : Exception($"案件已被他人修改，请刷新后重试 / Instance {instanceId} was changed by someone else; reload and try again.")
{
    public Guid InstanceId { get; } = instanceId;
}

/// <summary>Loads instances and commits what a stimulus produced, atomically.</summary>
public interface IWorkflowStore
{
    Task<StoredInstance?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Commits everything or nothing; throws <see cref="WorkflowConcurrencyException"/> on a stale stamp.</summary>
    Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default);
}

/// <summary>Finds instances by the version they run on (for migration), a page at a time.</summary>
public interface IInstanceFinder
{
    /// <summary>Ids of running instances of <paramref name="definitionId"/> v<paramref name="version"/> after <paramref name="after"/>, in id order.</summary>
    Task<IReadOnlyList<Guid>> RunningInstancesAsync(string definitionId, int version, Guid? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many instances of <paramref name="definitionId"/> v<paramref name="version"/> are still running (an indexed count).</summary>
    Task<int> CountRunningAsync(string definitionId, int version, CancellationToken cancellationToken = default);
}

/// <summary>Reads an instance's journal in seq order.</summary>
public interface IJournalStore
{
    Task<IReadOnlyList<JournalEntry>> ReadAsync(Guid instanceId, CancellationToken cancellationToken = default);
}

/// <summary>Reads tasks and timers (queues, due timers).</summary>
public interface ITaskStore
{
    Task<TaskRecord?> FindTaskAsync(string taskId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TaskRecord>> TasksOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Open tasks whose queue is one of <paramref name="queues"/>, by due time (no due time last).</summary>
    Task<IReadOnlyList<TaskRecord>> OpenTasksAsync(IReadOnlyCollection<string> queues, CancellationToken cancellationToken = default);

    /// <summary>Pending timers due at or before <paramref name="until"/>, earliest first.</summary>
    Task<IReadOnlyList<TimerRecord>> PendingTimersAsync(DateTime until, CancellationToken cancellationToken = default);
}

/// <summary>Delivers timers after commit (Quartz in production); the database row stays the truth.</summary>
public interface ITimerScheduler
{
    Task ScheduleAsync(IReadOnlyList<TimerRecord> timers, CancellationToken cancellationToken = default);

    /// <summary>The timers the commit fired or cancelled (their rows as written: not pending any more).</summary>
    Task CancelAsync(IReadOnlyList<TimerRecord> timers, CancellationToken cancellationToken = default);
}
