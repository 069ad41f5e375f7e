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

/// <summary>督办 by hand: a centre above the responsible unit flags the case; responsibility does not move.</summary>
public sealed record SuperviseStimulus(UnitCode SupervisingUnit, string Note, Actor Actor, DateTimeOffset At) : Stimulus(Actor, At);

/// <summary>催办: a reminder to the responsible unit, recorded; nothing else moves.</summary>
public sealed record UrgeStimulus(string Note, Actor Actor, DateTimeOffset At) : Stimulus(Actor, At);

/// <summary>改派网格: the case was filed against the wrong grid; allowed only while it has stayed below the floor.</summary>
public sealed record RelocateStimulus(UnitCode GridCode, string Reason, Actor Actor, DateTimeOffset At) : Stimulus(Actor, At);

/// <summary>重新分类: the catalogue item changed at triage; the caller builds the new facts from the catalogue.</summary>
public sealed record ReclassifyStimulus(SubjectFacts Subject, string Reason, Actor Actor, DateTimeOffset At) : Stimulus(Actor, At);

/// <summary>
/// 迁移: moves a running instance to another version of its definition. <see cref="NodeMap"/> maps node ids of the
/// pinned version to node ids of <see cref="ToVersion"/>; every node the instance waits at must be mapped.
/// </summary>
public sealed record MigrateStimulus(int ToVersion, IReadOnlyDictionary<string, string> NodeMap, Actor Actor, DateTimeOffset At) : Stimulus(Actor, At);
