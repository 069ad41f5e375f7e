using GridCase.Domain.Organisation;

namespace GridCase.Workflows.Activities;

/// <summary>The instruction an activity returns: continue, wait, reject a completion, or fault.</summary>
public abstract record ActivityResult
{
    /// <summary>Leave through one or more outcome ports (several for a fork), applying the effects first.</summary>
    /// <param name="Rule">What decided the outcome (a condition, a table row), recorded in the journal.</param>
    public sealed record Continue(IReadOnlyList<string> Outcomes, IReadOnlyList<ActivityEffect> Effects, string? Rule) : ActivityResult;

    /// <summary>Wait: for a human task to be completed, or for a time.</summary>
    public sealed record Suspend(WaitRequest Wait, IReadOnlyList<ActivityEffect> Effects) : ActivityResult;

    /// <summary>A task completion was refused (wrong outcome, missing form field): nothing changes.</summary>
    public sealed record Rejected(IReadOnlyDictionary<string, string[]> Errors) : ActivityResult;

    /// <summary>The node cannot run (a bug in the definition that compilation could not see).</summary>
    public sealed record Faulted(string Message) : ActivityResult;

    public static ActivityResult Next(string outcome, string? rule = null, params IReadOnlyList<ActivityEffect> effects) =>
        new Continue([outcome], effects, rule);

    public static ActivityResult Fault(string message) => new Faulted(message);

    public static ActivityResult Reject(string field, string message) =>
        new Rejected(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>A wait an activity asks for.</summary>
public abstract record WaitRequest;

/// <summary>Open a task in <paramref name="Queue"/>; <paramref name="Deadline"/> adds warning and overdue timers.</summary>
public sealed record TaskWait(UnitCode Queue, string Form, IReadOnlyList<string> Outcomes, TaskDeadline? Deadline) : WaitRequest
{
    /// <summary>A multi-instance task (<c>forEach</c>): one task per unit, each queued at its unit; null for one task.</summary>
    public IReadOnlyList<UnitCode>? Items { get; init; }
}

/// <summary>A deadline already computed on working or calendar time: the warning point and the due time.</summary>
/// <param name="Resume">How the clock carries over when the task is left through some outcomes and reopened later.</param>
public sealed record TaskDeadline(DateTimeOffset WarnAt, DateTimeOffset DueAt, DeadlineResume? Resume = null);

/// <summary>
/// The clock of a task that stops instead of restarting: leaving the task through one of
/// <paramref name="CarryOver"/> (an extension request, parking) keeps the time that was left, and the next task
/// at the same node gets that time back, plus the hours in variable <paramref name="ExtendBy"/> when set (an
/// approved extension), instead of a fresh limit.
/// </summary>
public sealed record DeadlineResume(bool WorkingTime, double WarnFraction, IReadOnlyList<string> CarryOver, string? ExtendBy);

/// <summary>Wait until a time.</summary>
public sealed record TimerWait(DateTimeOffset DueAt) : WaitRequest;

/// <summary>Side effects an activity asks the interpreter to apply and journal.</summary>
public abstract record ActivityEffect;

public sealed record SetVariable(string Name, object? Value) : ActivityEffect;

/// <summary>
/// Make a unit responsible. The interpreter enforces the no-push-down rule: a refused assignment is
/// journalled as <c>EscalationBlocked</c> and opens an incident task for the dispatching centre.
/// </summary>
/// <param name="Kind"><c>Routed</c> or <c>Escalated</c>.</param>
public sealed record AssignResponsibility(UnitCode Unit, string Kind) : ActivityEffect;

/// <summary>Flag the subject for supervision (督办) by a higher unit.</summary>
public sealed record FlagSupervision(UnitCode SupervisingUnit) : ActivityEffect;

/// <summary>A recorded notification (to the reporter, to 12345, to a unit).</summary>
public sealed record Notify(string Recipient, string Message) : ActivityEffect;

/// <summary>Close the subject with a closure code (resolved, invalid, duplicate, parked).</summary>
public sealed record CloseSubject(string ClosureCode) : ActivityEffect;
