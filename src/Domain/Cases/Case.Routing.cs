using GridCase.Domain.Organisation;

namespace GridCase.Domain.Cases;

public sealed partial class Case
{
    private const string PushDownRule = NoPushDownPolicy.RuleText;

    /// <summary>
    /// Makes <paramref name="target"/> responsible (任务派遣), from Filed or Dispatched: status Dispatched, the
    /// actor's unit (when it has one) becomes the dispatching unit, the floor rises to the target's level.
    /// <para>
    /// A push-down (<see cref="IResponsibilityRules.Forbids"/>: the floor has reached the rules' floor level and the
    /// target is at or below their blocked level) is not thrown: the result is refused, the case state is
    /// unchanged, and an <see cref="CaseEventKind.EscalationBlocked"/> event is pending so the caller can persist
    /// the refusal before answering 409. Every other refusal throws and records nothing.
    /// </para>
    /// </summary>
    public RouteResult TryRoute(OrgUnit target, IResponsibilityRules rules, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("route", CaseStatus.Filed, CaseStatus.Dispatched);
        if (!UnitCodes.Covers(target.Code, GridCode))
        {
            throw new DomainRuleException(
                CaseErrorCodes.RouteOutsideArea,
                $"Unit {target.Code} does not cover grid {GridCode} of case {Number}.");
        }

        if (Status == CaseStatus.Dispatched && target.Code == ResponsibleUnit)
        {
            throw new InvalidTransitionException(
                CaseErrorCodes.AlreadyResponsible,
                $"Case {Number} is already dispatched to {target.Code}.");
        }

        if (rules.Forbids(Floor, target.Level))
        {
            return Blocked(CaseEventKeys.RouteAction, target.Code, target.Level, rules, actor, at);
        }

        var from = ResponsibleUnit;
        var previousFloor = Floor;
        ResponsibleUnit = target.Code;
        DispatchingUnit = rules.DispatchingAfter(actor, target.Code, DispatchingUnit);
        Floor = rules.RaiseFloor(Floor, target.Level);
        Status = CaseStatus.Dispatched;
        return RouteResult.Accepted(Record(
            CaseEventKind.Routed,
            actor,
            at,
            (CaseEventKeys.From, from.Value),
            (CaseEventKeys.To, target.Code.Value),
            (CaseEventKeys.ToLevel, target.Level.ToString()),
            (CaseEventKeys.ToKind, target.Kind.ToString()),
            (CaseEventKeys.DispatchingUnit, DispatchingUnit?.Value),
            (CaseEventKeys.PreviousFloor, previousFloor.ToString()),
            (CaseEventKeys.Floor, Floor.ToString())));
    }

    /// <summary>
    /// <see cref="TryRoute"/>, throwing <see cref="InvalidTransitionException"/> (<c>case.push-down</c>) on a
    /// push-down. The <see cref="CaseEventKind.EscalationBlocked"/> event is pending even when this throws.
    /// </summary>
    public void Route(OrgUnit target, IResponsibilityRules rules, Actor actor, DateTimeOffset at) =>
        TryRoute(target, rules, actor, at).ThrowIfRefused();

    /// <summary>
    /// Returns a dispatched case (退回: not competent) to its dispatching unit: status Filed, ReturnCount + 1. The
    /// dispatching centre is now responsible, so the floor rises to its level (a return never reopens the way to
    /// the grid). A return that would push the case down is refused as in <see cref="TryRoute"/>.
    /// </summary>
    public RouteResult TryReturn(string reason, IResponsibilityRules rules, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("return", CaseStatus.Dispatched);
        var trimmedReason = Reason(reason);
        if (DispatchingUnit is not { } to)
        {
            throw new InvalidTransitionException(
                CaseErrorCodes.NoDispatchingUnit,
                $"Case {Number} has no dispatching unit to return it to.");
        }

        if (to == ResponsibleUnit)
        {
            throw new InvalidTransitionException(
                CaseErrorCodes.ReturnToSelf,
                $"Case {Number} was dispatched by {to} itself; route it instead.");
        }

        var level = UnitCodes.LevelOf(to);
        if (rules.Forbids(Floor, level))
        {
            return Blocked(CaseEventKeys.ReturnAction, to, level, rules, actor, at, trimmedReason);
        }

        var from = ResponsibleUnit;
        ResponsibleUnit = to;
        Floor = rules.RaiseFloor(Floor, level);
        Status = CaseStatus.Filed;
        ReturnCount++;
        return RouteResult.Accepted(Record(
            CaseEventKind.Returned,
            actor,
            at,
            (CaseEventKeys.From, from.Value),
            (CaseEventKeys.To, to.Value),
            (CaseEventKeys.ToLevel, level.ToString()),
            (CaseEventKeys.Reason, trimmedReason),
            (CaseEventKeys.ReturnCount, Format(ReturnCount))));
    }

    /// <summary>
    /// <see cref="TryReturn"/>, throwing <see cref="InvalidTransitionException"/> (<c>case.push-down</c>) on a
    /// push-down. The <see cref="CaseEventKind.EscalationBlocked"/> event is pending even when this throws.
    /// </summary>
    public void Return(string reason, IResponsibilityRules rules, Actor actor, DateTimeOffset at) =>
        TryReturn(reason, rules, actor, at).ThrowIfRefused();

    private RouteResult Blocked(
        string action,
        UnitCode target,
        OrgLevel targetLevel,
        IResponsibilityRules rules,
        Actor actor,
        DateTimeOffset at,
        string? reason = null)
    {
        var @event = Record(
            CaseEventKind.EscalationBlocked,
            actor,
            at,
            (CaseEventKeys.Rule, CaseErrorCodes.PushDown),
            (CaseEventKeys.Action, action),
            (CaseEventKeys.ResponsibleUnit, ResponsibleUnit.Value),
            (CaseEventKeys.To, target.Value),
            (CaseEventKeys.ToLevel, targetLevel.ToString()),
            (CaseEventKeys.Floor, Floor.ToString()),
            (CaseEventKeys.PolicyFloorFrom, rules.FloorFrom.ToString()),
            (CaseEventKeys.PolicyBlockedLevel, rules.BlockedLevel.ToString()),
            (CaseEventKeys.Reason, reason));
        return RouteResult.Refused(
            @event,
            CaseErrorCodes.PushDown,
            $"{PushDownRule}。Case {Number} has reached {Floor} level; {target} is {targetLevel} level.");
    }
}
