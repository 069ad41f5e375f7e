using System.Collections.Immutable;
using System.Text.Json.Serialization;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;

namespace GridCase.Workflows.Runtime;

public enum WorkflowStatus
{
    Running,
    Completed,
    Faulted,
}

/// <summary>
/// Everything the interpreter needs to continue an instance, and nothing else: immutable, serialisable,
/// and produced only by the interpreter. The journal is the history; this is the present.
/// </summary>
public sealed record WorkflowState
{
    public required Guid InstanceId { get; init; }
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public WorkflowStatus Status { get; init; } = WorkflowStatus.Running;
    public required SubjectFacts Subject { get; init; }
    public required Responsibility Responsibility { get; init; }
    public ImmutableSortedDictionary<string, object?> Variables { get; init; } = ImmutableSortedDictionary.Create<string, object?>(StringComparer.Ordinal);
    public ImmutableList<OpenTask> Tasks { get; init; } = [];
    public ImmutableList<PendingTimer> Timers { get; init; } = [];

    /// <summary>Per join node, the nodes whose branches have arrived.</summary>
    public ImmutableSortedDictionary<string, ImmutableSortedSet<string>> JoinArrivals { get; init; } =
        ImmutableSortedDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal);

    /// <summary>Per node, the working (or calendar) time left on a task whose clock was stopped, in seconds.</summary>
    public ImmutableSortedDictionary<string, long> CarriedDeadlines { get; init; } =
        ImmutableSortedDictionary.Create<string, long>(StringComparer.Ordinal);

    /// <summary>
    /// Per node, the users who completed a task there (for separation of duties, 监管分离); null until someone
    /// did, so the states of definitions that never use it are stored as before.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableSortedDictionary<string, ImmutableSortedSet<string>>? Performers { get; init; }

    public UnitCode? SupervisedBy { get; init; }
    public string? ClosureCode { get; init; }

    /// <summary>The last condition or table row that decided an outcome; recorded on the next routing entry.</summary>
    public string? LastDecision { get; init; }

    public long LastSeq { get; init; }
    public string LastHash { get; init; } = Journal.JournalChain.GenesisHash;

    /// <summary>Counter for deterministic task and timer ids (same input, same ids).</summary>
    public int IdCounter { get; init; }

    /// <summary>Nodes where the instance is waiting now: open tasks, pending timers, partially arrived joins.</summary>
    public IReadOnlyList<string> ActiveNodeIds =>
        Tasks.Select(t => t.NodeId)
            .Concat(Timers.Where(t => t.Purpose == TimerPurpose.Delay).Select(t => t.NodeId))
            .Concat(JoinArrivals.Where(j => !j.Value.IsEmpty).Select(j => j.Key))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}

public enum TaskKind
{
    /// <summary>Work defined by a HumanTask node.</summary>
    Work,

    /// <summary>Opened by the engine for a dispatching centre when an assignment was refused.</summary>
    Incident,
}

/// <summary>A task waiting in a queue.</summary>
public sealed record OpenTask(
    string TaskId,
    string NodeId,
    TaskKind Kind,
    UnitCode Queue,
    string Form,
    ImmutableList<string> Outcomes,
    DateTime OpenedAt,
    DateTime? WarnAt,
    DateTime? DueAt)
{
    public string? ClaimedBy { get; init; }
    public bool Warned { get; init; }
    public bool Overdue { get; init; }

    /// <summary>How this task's clock stops and resumes, when its deadline says so.</summary>
    public DeadlineResume? Resume { get; init; }

    // The members below are written only when set, so states without them are stored exactly as before.

    /// <summary>What the task asks of its queue; only disposal counts under the no-push-down rule.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TaskPurpose Purpose { get; init; }

    /// <summary>The unit of a multi-instance (<c>forEach</c>) task this instance is for.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Item { get; init; }

    /// <summary>A dispatcher of an area above the queue may claim it (the API decides who).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ClaimFromAbove { get; init; }
}

public enum TimerPurpose
{
    /// <summary>A Timer node waiting.</summary>
    Delay,

    /// <summary>The warning point of a task deadline (non-interrupting).</summary>
    Warning,

    /// <summary>The due time of a task deadline.</summary>
    Overdue,
}

/// <summary>A durable timer: the database row is the truth; a scheduler only delivers it.</summary>
public sealed record PendingTimer(string TimerId, string NodeId, TimerPurpose Purpose, DateTime DueAt, string? TaskId);
