using GridCase.Domain.Organisation;

namespace GridCase.Domain.Cases;

public sealed partial class Case
{
    /// <summary>
    /// Flags an open case for supervision (督办) by a unit above the responsible one; responsibility does not move.
    /// A later flag by another unit replaces the supervisor.
    /// </summary>
    public void FlagSupervision(UnitCode supervisingUnit, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsOpen)
        {
            throw new InvalidTransitionException(
                CaseErrorCodes.InvalidTransition,
                $"Cannot flag case {Number} for supervision: it is {Status}.");
        }

        if (SupervisedBy == supervisingUnit)
        {
            throw new InvalidTransitionException(
                CaseErrorCodes.AlreadySupervised,
                $"Case {Number} is already under supervision by {supervisingUnit}.");
        }

        if (supervisingUnit.Value is null || (UnitCodes.LevelOf(supervisingUnit) <= UnitCodes.LevelOf(ResponsibleUnit) && !IsOwningArea(supervisingUnit)))
        {
            throw new DomainRuleException(
                CaseErrorCodes.SupervisionLevel,
                $"Supervision comes from above: {supervisingUnit} is not above the responsible unit {ResponsibleUnit}.");
        }

        var previous = SupervisedBy;
        UnderSupervision = true;
        SupervisedBy = supervisingUnit;
        Record(
            CaseEventKind.SupervisionFlagged,
            actor,
            at,
            (CaseEventKeys.SupervisingUnit, supervisingUnit.Value),
            (CaseEventKeys.PreviousSupervisingUnit, previous?.Value),
            (CaseEventKeys.ResponsibleUnit, ResponsibleUnit.Value));
    }

    /// <summary>A department is supervised by the area it belongs to (a county department by its county): same level, yet above it.</summary>
    private bool IsOwningArea(UnitCode area) =>
        ResponsibleUnit.IsDepartment && !area.IsDepartment
        && ResponsibleUnit.Value.StartsWith(area.Value, StringComparison.Ordinal)
        && UnitCodes.LevelOf(area) == UnitCodes.LevelOf(ResponsibleUnit);
}
