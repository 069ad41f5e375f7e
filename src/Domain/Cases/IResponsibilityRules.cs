using GridCase.Domain.Organisation;

namespace GridCase.Domain.Cases;

/// <summary>
/// What the case aggregate and the workflow engine both decide about responsibility: one port, so the two can
/// never disagree. <see cref="NoPushDownPolicy"/> is the implementation.
/// </summary>
public interface IResponsibilityRules
{
    /// <summary>The level from which the floor is up (township by default); recorded with every refusal.</summary>
    OrgLevel FloorFrom { get; }

    /// <summary>The highest level that disposal may not go back to once the floor is up (grid by default).</summary>
    OrgLevel BlockedLevel { get; }

    /// <summary>
    /// True when giving <paramref name="purpose"/> work at <paramref name="targetLevel"/> is a push-down from
    /// <paramref name="floor"/>: only disposal is forbidden below the floor; a check or a visit is allowed.
    /// </summary>
    bool Forbids(OrgLevel floor, OrgLevel targetLevel, TaskPurpose purpose = TaskPurpose.Disposal);

    /// <summary>The floor after <paramref name="target"/> was made responsible (monotonic: it never falls).</summary>
    OrgLevel RaiseFloor(OrgLevel floor, OrgLevel target);

    /// <summary>
    /// The dispatching unit after <paramref name="actor"/> made <paramref name="target"/> responsible: only a
    /// dispatcher dispatches, so a handler escalating, the system on a deadline and a case going back to its own
    /// dispatching centre all keep <paramref name="current"/>.
    /// </summary>
    UnitCode? DispatchingAfter(Actor actor, UnitCode target, UnitCode? current);

    /// <summary>
    /// True while the case may be relocated to another grid (改派网格, the event was placed in the wrong grid or village):
    /// while it has never been above village level, or while it is back with the centre that dispatched it (a village
    /// returned it). Never while a township, county or department other than that centre is handling it.
    /// </summary>
    bool MayRelocate(OrgLevel floor, bool heldByDispatchingCentre);
}
