using GridCase.Api.Infrastructure;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Units;

/// <summary>The administrator's sight of units: its own unit and everything below it; anything else does not exist (404).</summary>
public static class UnitQueries
{
    /// <summary>
    /// Units whose code lies in <paramref name="range"/> and sorts after <paramref name="after"/> (the keyset of a page).
    /// Written as SQL because a LINQ comparison of the value-converted code casts the column, and SQLite does not use
    /// the primary key's index for a cast column; further LINQ composes over it.
    /// </summary>
    public static IQueryable<OrgUnit> UnitsIn(this GridCaseDb db, CodeRange range, string after = "") =>
        db.OrgUnits.FromSql($"""SELECT * FROM org_units WHERE "Code" >= {range.From} AND "Code" <= {range.To} AND "Code" > {after}""");

    /// <summary>The unit (tracked, to be changed) when it lies within the caller's area; otherwise 404.</summary>
    public static async Task<OrgUnit> FindInAreaAsync(this GridCaseDb db, CallerScope scope, string code, CancellationToken cancellationToken)
    {
        if (!UnitCode.TryParse(code, out var parsed) || !scope.Covers(parsed.Value))
        {
            throw new NotFoundException($"单位 {code}", $"Unit {code}");
        }

        return await db.OrgUnits.FindAsync([parsed], cancellationToken) ?? throw new NotFoundException($"单位 {code}", $"Unit {code}");
    }

    public static Task<int> ChildCountAsync(this GridCaseDb db, UnitCode code, CancellationToken cancellationToken) =>
        db.OrgUnits.CountAsync(u => u.ParentCode == code, cancellationToken);
}
