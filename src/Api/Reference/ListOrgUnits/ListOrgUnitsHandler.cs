using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Reference.ListOrgUnits;

public sealed class ListOrgUnitsHandler(GridCaseDb db) : IQueryHandler<ListOrgUnitsQuery, IReadOnlyList<OrgUnitResponse>>
{
    public async ValueTask<IReadOnlyList<OrgUnitResponse>> Handle(ListOrgUnitsQuery query, CancellationToken cancellationToken)
    {
        var units = db.OrgUnits.AsNoTracking();
        if (query.Parent is not null)
        {
            var parent = UnitCode.Parse(query.Parent);
            units = units.Where(u => u.ParentCode == parent);
        }

        if (query.Level is not null)
        {
            var level = Enum.Parse<OrgLevel>(query.Level, ignoreCase: true);
            units = units.Where(u => u.Level == level);
        }

        var rows = await units.OrderBy(u => u.Code).ToListAsync(cancellationToken);
        return rows.ConvertAll(OrgUnitResponse.From);
    }
}
