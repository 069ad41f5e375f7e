using GridCase.Api.Infrastructure;
using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Catalogue.GetBatch;

public sealed class GetBatchHandler(GridCaseDb db, OrgSnapshot org) : IQueryHandler<GetBatchQuery, BatchResponse>
{
    public async ValueTask<BatchResponse> Handle(GetBatchQuery query, CancellationToken cancellationToken)
    {
        var county = AdministeredCounty.Resolve(org.Current, query.County, query.Caller);
        var batch = await db.CatalogueBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == query.Id, cancellationToken);
        return batch is not null && batch.County == county.Code
            ? BatchResponse.From(batch)
            : throw new NotFoundException($"事项批次 {query.Id}", $"Catalogue batch {query.Id}");
    }
}
