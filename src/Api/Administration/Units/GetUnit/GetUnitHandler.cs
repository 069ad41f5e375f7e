using GridCase.Api.Infrastructure;
using GridCase.Persistence;
using Mediator;

namespace GridCase.Api.Administration.Units.GetUnit;

public sealed class GetUnitHandler(GridCaseDb db) : IQueryHandler<GetUnitQuery, UnitDetailResponse>
{
    public async ValueTask<UnitDetailResponse> Handle(GetUnitQuery query, CancellationToken cancellationToken)
    {
        var unit = await db.FindInAreaAsync(CallerScope.For(query.Caller), query.Code, cancellationToken);
        return UnitDetailResponse.From(unit, await db.ChildCountAsync(unit.Code, cancellationToken));
    }
}
