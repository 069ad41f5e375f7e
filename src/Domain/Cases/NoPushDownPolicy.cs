using GridCase.Domain.Organisation;

namespace GridCase.Domain.Cases;

/// <summary>
/// The no-push-down rule as policy: once a case's <see cref="Case.Floor"/> has reached <see cref="FloorFrom"/>,
/// no unit at <see cref="BlockedLevel"/> or below may be made responsible again
/// ("不得将应由乡镇（街道）或部门处置的事件流转返回到网格"). The default floor is Township, the blocked level Grid.
/// </summary>
public sealed record NoPushDownPolicy : IResponsibilityRules
{
    public NoPushDownPolicy(OrgLevel floorFrom = OrgLevel.Township, OrgLevel blockedLevel = OrgLevel.Grid)
    {
        if (!Enum.IsDefined(floorFrom) || !Enum.IsDefined(blockedLevel) || blockedLevel >= floorFrom)
        {
            throw new DomainRuleException(
                CaseErrorCodes.Policy,
                $"The blocked level ({blockedLevel}) must lie below the floor level ({floorFrom}).");
        }

        FloorFrom = floorFrom;
        BlockedLevel = blockedLevel;
    }

    public static NoPushDownPolicy Default { get; } = new();

    /// <summary>The rule as the field study words it, quoted by every refusal and problem that applies it.</summary>
    public const string RuleText = "不得将应由乡镇（街道）或部门处置的事件流转返回到网格";

    public OrgLevel FloorFrom { get; }

    public OrgLevel BlockedLevel { get; }

    public bool Forbids(OrgLevel floor, OrgLevel targetLevel, TaskPurpose purpose = TaskPurpose.Disposal) =>
        purpose == TaskPurpose.Disposal && floor >= FloorFrom && targetLevel <= BlockedLevel;

    public OrgLevel RaiseFloor(OrgLevel floor, OrgLevel target) => target > floor ? target : floor;

    public UnitCode? DispatchingAfter(Actor actor, UnitCode target, UnitCode? current)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role == Role.Dispatcher && target != current ? actor.Unit ?? current : current;
    }

    public bool MayRelocate(OrgLevel floor, bool heldByDispatchingCentre) => floor < FloorFrom || heldByDispatchingCentre;
}
