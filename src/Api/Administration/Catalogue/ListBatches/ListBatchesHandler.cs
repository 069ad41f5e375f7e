using GridCase.Api.Infrastructure;
using GridCase.Persistence;
using GridCase.Persistence.Catalogue;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Catalogue.ListBatches;

public sealed class ListBatchesHandler(GridCaseDb db, OrgSnapshot org) : IQueryHandler<ListBatchesQuery, IReadOnlyList<BatchResponse>>
{
    public async ValueTask<IReadOnlyList<BatchResponse>> Handle(ListBatchesQuery query, CancellationToken cancellationToken)
    {
        var county = AdministeredCounty.Resolve(org.Current, query.County, query.Caller).Code;
        // The index on (county, proposedAt) serves the order and the page.
        var batches = db.CatalogueBatches.AsNoTracking().Where(b => b.County == county);
        if (query.Status is not null)
        {
            var status = Enum.Parse<CatalogueBatchStatus>(query.Status, ignoreCase: true);
            batches = batches.Where(b => b.Status == status);
        }

        if (query.Before is { } before)
        {
            var until = before.UtcDateTime;
            batches = batches.Where(b => b.ProposedAt < until);
        }

        var rows = await batches.OrderByDescending(b => b.ProposedAt)
            .Take(query.Limit ?? ListBatchesValidator.DefaultLimit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(BatchResponse.From);
    }
}
