using GridCase.Domain;

namespace GridCase.Workflows.Journal;

/// <summary>
/// One line of an instance's full trace. Entries form a hash chain:
/// <c>Hash = SHA-256(PrevHash ‖ canonical entry)</c>. <see cref="DataJson"/> is canonical JSON (sorted keys) and
/// never holds personal data.
/// </summary>
public sealed record JournalEntry(
    Guid InstanceId,
    long Seq,
    DateTime At,
    JournalActor Actor,
    string Kind,
    string? NodeId,
    string DefinitionId,
    int DefinitionVersion,
    string? Rule,
    string DataJson,
    string PrevHash,
    string Hash);

/// <summary>Who caused an entry: a user with role and unit, or <c>system</c>.</summary>
public sealed record JournalActor(string UserId, string? Role, string? Unit)
{
    public static JournalActor From(Actor actor) => new(actor.UserId, actor.Role?.ToString(), actor.Unit?.Value);
}

/// <summary>Entry kinds. Stimulus kinds come first in each step; re-execution rebuilds stimuli from them.</summary>
public static class JournalKinds
{
    // stimuli
    public const string Reported = "Reported";
    public const string TaskCompleted = "TaskCompleted";
    public const string TaskClaimed = "TaskClaimed";
    public const string TaskReleased = "TaskReleased";
    public const string TimerFired = "TimerFired";
    public const string Reassigned = "Reassigned";
    public const string Urged = "Urged";
    public const string Relocated = "Relocated";
    public const string Reclassified = "Reclassified";
    public const string Migrated = "Migrated";

    // effects
    public const string NodeEntered = "NodeEntered";
    public const string NodeExited = "NodeExited";
    public const string TaskOpened = "TaskOpened";
    public const string TaskCancelled = "TaskCancelled";
    public const string TaskRequeued = "TaskRequeued";
    public const string TimerScheduled = "TimerScheduled";
    public const string TimerCancelled = "TimerCancelled";
    public const string VariableSet = "VariableSet";
    public const string Routed = "Routed";
    public const string Escalated = "Escalated";
    public const string EscalationBlocked = "EscalationBlocked";
    public const string DeadlineWarning = "DeadlineWarning";
    public const string DeadlineOverdue = "DeadlineOverdue";
    public const string DeadlineStopped = "DeadlineStopped";
    public const string DeadlineResumed = "DeadlineResumed";
    public const string SupervisionFlagged = "SupervisionFlagged";
    public const string Notified = "Notified";
    public const string JoinWaiting = "JoinWaiting";
    public const string Closed = "Closed";
    public const string Completed = "Completed";
    public const string Faulted = "Faulted";

    public static bool IsStimulus(string kind) =>
        kind is Reported or TaskCompleted or TaskClaimed or TaskReleased or TimerFired or Reassigned or Urged or Relocated or Reclassified or Migrated;

    /// <summary>As <see cref="IsStimulus(string)"/>, and a SupervisionFlagged entry issued by hand (data <c>issued: "manual"</c>).</summary>
    public static bool IsStimulus(JournalEntry entry) =>
        IsStimulus(entry.Kind) || (entry.Kind == SupervisionFlagged && entry.DataJson.Contains("\"issued\":\"manual\"", StringComparison.Ordinal));
}
