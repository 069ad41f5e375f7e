using FluentValidation;
using FluentValidation.Results;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Users;

/// <summary>How a request that places one user answers a problem with it.</summary>
public enum PlacementRefusal
{
    /// <summary>404: outside the administrator's area, so not to be known.</summary>
    NotFound,

    /// <summary>400 naming the field.</summary>
    Invalid,

    /// <summary>422: a domain rule (the role does not fit the unit, the unit is retired).</summary>
    Rule,

    /// <summary>409: the state of other accounts (the user name is taken, the grid has its member).</summary>
    Conflict,
}

/// <summary>Why a user cannot have a name, role or unit; an import lists these by line, a single request throws the first.</summary>
public sealed record PlacementProblem(PlacementRefusal Kind, string Field, string Code, string Message, IReadOnlyDictionary<string, object?>? Details = null)
{
    public Exception ToException() => Kind switch
    {
        PlacementRefusal.NotFound => NotFoundException.Saying(Message),
        PlacementRefusal.Invalid => new ValidationException([new ValidationFailure(Field, Message)]),
        PlacementRefusal.Rule => new DomainRuleException(Code, Message),
        _ => new ProblemException(StatusCodes.Status409Conflict, Code, Message, Details ?? new Dictionary<string, object?>()),
    };
}

/// <summary>
/// The rules every placement of a user follows (create, change, enable, import): the unit lies in the administrator's
/// area, exists and is not retired, and fits the role (<see cref="RolePlacement"/>); a user name is taken once; and
/// one active grid member per grid (一格一员).
/// </summary>
public static class UserPlacement
{
    public const string OneMemberPerGrid = "one-member-per-grid";

    /// <summary>The problem with putting a <paramref name="role"/> in unit <paramref name="code"/> (looked up as <paramref name="unit"/>).</summary>
    public static PlacementProblem? Check(CallerScope scope, UnitCode code, OrgUnit? unit, Role role)
    {
        if (!scope.Covers(code.Value))
        {
            return new(PlacementRefusal.NotFound, "unitCode", $"Unit {code}",
                $"单位 {code} 不存在或不在您的管辖范围内 / Unit {code} is not in your area.");
        }

        if (unit is null)
        {
            return new(PlacementRefusal.Invalid, "unitCode", "unit-unknown", $"单位 {code} 不存在 / Unit {code} does not exist.");
        }

        if (unit.IsRetired)
        {
            return new(PlacementRefusal.Rule, "unitCode", "unit-retired", $"单位 {code} 已撤销 / Unit {code} is retired.");
        }

        return RolePlacement.Problem(role, unit) is { } misfit ? new(PlacementRefusal.Rule, "role", "role-unit", misfit) : null;
    }

    public static PlacementProblem NameTaken(string userName) =>
        new(PlacementRefusal.Conflict, "userName", "user-exists", $"用户名 {userName} 已存在 / User name {userName} is taken.");

    public static PlacementProblem GridTaken(string grid, string userName, string displayName) => new(
        PlacementRefusal.Conflict,
        "unitCode",
        OneMemberPerGrid,
        $"网格 {grid} 已有在岗网格员 {displayName}（{userName}），一格一员 / Grid {grid} already has an active grid member, {displayName} ({userName}): one member per grid.",
        new Dictionary<string, object?>
        {
            ["gridCode"] = grid,
            ["currentMember"] = new { userName, displayName },
        });

    /// <summary>Reads a unit (or <c>null</c>), whatever the administrator's area: <see cref="Check"/> judges that.</summary>
    public static Task<OrgUnit?> FindUnitAsync(GridCaseDb db, UnitCode code, CancellationToken cancellationToken) =>
        db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, cancellationToken);

    /// <summary>The active grid members of <paramref name="grids"/>, by grid, leaving out <paramref name="except"/>.</summary>
    public static async Task<Dictionary<string, (string UserName, string DisplayName)>> ActiveGridMembersAsync(
        GridCaseDb db, IReadOnlyCollection<string> grids, string? except, CancellationToken cancellationToken)
    {
        var members = await db.Users.AsNoTracking()
            .Where(u => u.Role == Role.GridMember && u.DisabledAt == null && u.UserName != except && grids.Contains((string)(object)u.UnitCode))
            .OrderBy(u => u.UserName)
            .Select(u => new { Grid = (string)(object)u.UnitCode, u.UserName, u.DisplayName })
            .ToListAsync(cancellationToken);
        return members.GroupBy(m => m.Grid).ToDictionary(g => g.Key, g => (g.First().UserName, g.First().DisplayName), StringComparer.Ordinal);
    }

    /// <summary>Throws 409 when <paramref name="user"/>, active as a grid member, would be the second active member of its grid.</summary>
    public static async Task GuardGridAsync(GridCaseDb db, User user, CancellationToken cancellationToken)
    {
        if (user.Role != Role.GridMember || user.IsDisabled)
        {
            return;
        }

        var grid = user.UnitCode.Value;
        var current = await ActiveGridMembersAsync(db, [grid], user.UserName, cancellationToken);
        if (current.TryGetValue(grid, out var member))
        {
            throw GridTaken(grid, member.UserName, member.DisplayName).ToException();
        }
    }
}
