using GridCase.Domain;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// What a caller may see: the cases and tasks of their unit and the units below it. Unit codes nest (a
/// grid's code starts with its village's, a county department's with its county's), so "below" is a code
/// prefix for areas; a department sees only what is its own. Auditors and policy administrators read
/// everything and act on nothing. System administrators manage units and users of their area and act on no case.
/// </summary>
public sealed record CallerScope(Actor Actor, string? Prefix, string? ExactUnit)
{
    public bool ReadsEverything => Prefix is null && ExactUnit is null;

    public bool MayAct => Actor.Role is not (Role.Auditor or Role.PolicyAdmin or Role.SystemAdmin);

    public static CallerScope For(Actor actor)
    {
        if (actor.Role is Role.Auditor or Role.PolicyAdmin || actor.Unit is null)
        {
            return new CallerScope(actor, null, null);
        }

        var unit = actor.Unit.Value;
        if (unit.IsDepartment)
        {
            return new CallerScope(actor, null, unit.Value);
        }

        // A city's counties share its first four digits (140500 → 1405xx).
        var prefix = unit.AreaLevel == OrgLevel.City ? unit.Value[..4] : unit.Value;
        return new CallerScope(actor, prefix, null);
    }

    /// <summary>True when <paramref name="unit"/> is the caller's unit or lies below it.</summary>
    public bool Covers(string unit) =>
        ReadsEverything
        || ExactUnit is not null && unit == ExactUnit
        || Prefix is not null && unit.StartsWith(Prefix, StringComparison.Ordinal);
}
