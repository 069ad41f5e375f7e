using GridCase.Workflows.Journal;
using GridCase.Workflows.Ports;

namespace GridCase.Workflows.Runtime;

public enum RefusalKind
{
    /// <summary>The instance or definition named does not exist.</summary>
    NotFound,

    /// <summary>The state does not allow it (task no longer open, claimed by another, push-down refused).</summary>
    Conflict,

    /// <summary>The input is wrong (outcome not declared, form field missing); field errors say where.</summary>
    Invalid,

    /// <summary>A timer was delivered before its due time; deliver it again later.</summary>
    TooEarly,
}

/// <summary>Why a stimulus was refused; <see cref="Code"/> is stable (e.g. <c>no-push-down</c>).</summary>
public sealed record Refusal(RefusalKind Kind, string Code, string Message, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>
/// What one stimulus produced: the new state, the journal entries (sealed into the chain), and the task and
/// timer rows to write. A refusal may still carry entries (a refused push-down is recorded); a refusal
/// without entries changes nothing.
/// </summary>
public sealed record InterpreterResult(
    WorkflowState? State,
    IReadOnlyList<JournalEntry> Entries,
    IReadOnlyList<TaskRecord> Tasks,
    IReadOnlyList<TimerRecord> Timers,
    Refusal? Refusal)
{
    public bool HasChanges => Entries.Count > 0;

    public static InterpreterResult Refused(WorkflowState? state, Refusal refusal) => new(state, [], [], [], refusal);
}
