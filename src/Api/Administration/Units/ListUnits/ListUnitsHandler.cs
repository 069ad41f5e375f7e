using GridCase.Api.Infrastructure;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Units.ListUnits;

/// <summary>Reads a range of the primary key (the caller's area, or the parent's subtree when searching), then filters.</summary>
public sealed class ListUnitsHandler(GridCaseDb db) : IQueryHandler<ListUnitsQuery, UnitPageResponse>
{
    public async ValueTask<UnitPageResponse> Handle(ListUnitsQuery query, CancellationToken cancellationToken)
    {
        var scope = CallerScope.For(query.Caller);
        var range = CodeRange.For(scope);
        var search = query.Q?.Trim();
        UnitCode? parent = query.Parent is null ? null : (await db.FindInAreaAsync(scope, query.Parent, cancellationToken)).Code;
        if (parent is { } within && search is not null)
        {
            // The parent lies within the caller's area, so its subtree does too.
            range = CodeRange.StartingWith(NewUnit.AreaPrefix(within));
        }

        var units = db.UnitsIn(range, query.After ?? "").AsNoTracking();
        if (parent is { } p)
        {
            units = search is null ? units.Where(u => u.ParentCode == p) : units.Where(u => u.Code != p);
        }
        else if (search is null)
        {
            var own = query.Caller.Unit!.Value;
            units = units.Where(u => u.Code == own);
        }

        if (search is not null)
        {
            var codes = CodeRange.StartingWith(search);
            units = units.Where(u => u.Name.Contains(search)
                || string.Compare((string)(object)u.Code, codes.From) >= 0 && string.Compare((string)(object)u.Code, codes.To) <= 0);
        }

        if (query.Level is not null)
        {
            var level = Enum.Parse<OrgLevel>(query.Level, ignoreCase: true);
            units = units.Where(u => u.Level == level);
        }

        if (!query.IncludeRetired)
        {
            units = units.Where(u => u.RetiredAt == null);
        }

        var limit = query.Limit ?? ListUnitsQuery.DefaultLimit;
        var rows = await units.OrderBy(u => u.Code).Take(limit + 1)
            .Select(u => new { u.Code, u.Name, u.Level, u.Kind, u.ParentCode, u.GridType, u.Population, u.RetiredAt, HasBoundary = u.Boundary != null })
            .ToListAsync(cancellationToken);
        var page = rows.Take(limit).ToList();
        var childCounts = await ChildCountsAsync(page.Select(u => u.Code), query.IncludeRetired, cancellationToken);

        var items = page.ConvertAll(u => new UnitSummaryResponse(
            u.Code.Value, u.Name, u.Level.ToString(), u.Kind.ToString(), u.ParentCode?.Value, u.GridType?.ToString(), u.Population,
            u.RetiredAt, u.HasBoundary, childCounts.GetValueOrDefault(u.Code)));
        return new UnitPageResponse(items, rows.Count > limit ? page[^1].Code.Value : null);
    }

    private async Task<Dictionary<UnitCode, int>> ChildCountsAsync(IEnumerable<UnitCode> parents, bool includeRetired, CancellationToken cancellationToken)
    {
        var codes = parents.Select(c => (UnitCode?)c).ToList();
        var children = db.OrgUnits.AsNoTracking().Where(c => codes.Contains(c.ParentCode));
        if (!includeRetired)
        {
            children = children.Where(c => c.RetiredAt == null);
        }

        return await children.GroupBy(c => c.ParentCode).Select(g => new { Parent = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Parent!.Value, g => g.Count, cancellationToken);
    }
}
