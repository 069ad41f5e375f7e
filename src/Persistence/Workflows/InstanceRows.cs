using GridCase.Workflows.Ports;
using GridCase.Workflows.Runtime;

namespace GridCase.Persistence.Workflows;

/// <summary>
/// The present of one instance: its <see cref="WorkflowState"/> as JSON, guarded by a stamp that every commit
/// replaces. Written by SQL in <see cref="WorkflowCommitSql"/>, never tracked.
/// </summary>
public sealed class WorkflowInstanceRow
{
    public required Guid Id { get; init; }
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public required WorkflowStatus Status { get; init; }
    public required string State { get; init; }
    public required Guid ConcurrencyStamp { get; init; }

    /// <summary>The seq of the last journal entry written; the next commit must continue from it.</summary>
    public required long LastSeq { get; init; }

    public required DateTime UpdatedAt { get; init; }
}

public sealed class JournalEntryRow
{
    public required Guid InstanceId { get; init; }
    public required long Seq { get; init; }
    public required DateTime At { get; init; }
    public required string ActorUserId { get; init; }
    public string? ActorRole { get; init; }
    public string? ActorUnit { get; init; }
    public required string Kind { get; init; }
    public string? NodeId { get; init; }
    public required string DefinitionId { get; init; }
    public required int DefinitionVersion { get; init; }
    public string? Rule { get; init; }
    public required string Data { get; init; }
    public required string PrevHash { get; init; }
    public required string Hash { get; init; }
}

public sealed class WorkflowTaskRow
{
    public required string TaskId { get; init; }
    public required Guid InstanceId { get; init; }
    public required string NodeId { get; init; }
    public required TaskKind Kind { get; init; }
    public required string Queue { get; init; }
    public required string Form { get; init; }

    /// <summary>A JSON array of outcome names.</summary>
    public required string Outcomes { get; init; }

    public required WorkTaskStatus Status { get; init; }
    public string? ClaimedBy { get; init; }
    public required DateTime OpenedAt { get; init; }
    public DateTime? WarnAt { get; init; }
    public DateTime? DueAt { get; init; }
    public required bool Warned { get; init; }
    public required bool Overdue { get; init; }
    public string? Outcome { get; init; }
    public DateTime? ClosedAt { get; init; }
}

public sealed class WorkflowTimerRow
{
    public required string TimerId { get; init; }
    public required Guid InstanceId { get; init; }
    public required string NodeId { get; init; }
    public required TimerPurpose Purpose { get; init; }
    public required DateTime DueAt { get; init; }
    public required TimerStatus Status { get; init; }
}
