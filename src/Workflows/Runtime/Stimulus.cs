using GridCase.Domain;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;

namespace GridCase.Workflows.Runtime;

/// <summary>
/// Something that moves an instance. Every stimulus is journalled first (its entry holds all it carries), so
/// re-execution can rebuild it from the journal alone.
/// </summary>
public abstract record Stimulus(Actor Actor, DateTimeOffset At);

/// <summary>The subject was reported: start at the Start node.</summary>
public sealed record StartStimulus(
    Guid InstanceId,
    SubjectFacts Subject,
    UnitCode InitialUnit,
    IReadOnlyDictionary<string, object?> Variables,
    Actor Actor,
    DateTimeOffset At) : Stimulus(Actor, At);

public sealed record CompleteTaskStimulus(string TaskId, string Outcome, IReadOnlyDictionary<string, object?> Data, Actor Actor, DateTimeOffset At)
    : Stimulus(Actor, At);

public sealed record ClaimTaskStimulus(string TaskId, Actor Actor, DateTimeOffset At) : Stimulus(Actor, At);

public sealed record ReleaseTaskStimulus(string TaskId, Actor Actor, DateTimeOffset At) : Stimulus(Actor, At);

/// <summary>A durable timer came due. A no-op when the timer is no longer pending.</summary>
public sealed record TimerFiredStimulus(string TimerId, DateTimeOffset At) : Stimulus(Actor.System, At);

/// <summary>A dispatcher moves responsibility by hand (the no-push-down rule applies).</summary>
public sealed record ReassignStimulus(UnitCode Unit, string Reason, Actor Actor, DateTimeOffset At) : Stimulus(Actor, At);
