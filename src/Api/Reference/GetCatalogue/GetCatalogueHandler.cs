using GridCase.Api.Infrastructure;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Catalogue;
using GridCase.Persistence.Organisation;
using Mediator;

namespace GridCase.Api.Reference.GetCatalogue;

public sealed class GetCatalogueHandler(CatalogueStore catalogues, OrgStore org) : IQueryHandler<GetCatalogueQuery, CatalogueResponse>
{
    public async ValueTask<CatalogueResponse> Handle(GetCatalogueQuery query, CancellationToken cancellationToken)
    {
        var county = query.County is not null ? UnitCode.Parse(query.County) : await CallerCountyAsync(query, cancellationToken);
        var catalogue = await catalogues.LoadAsync(county, cancellationToken)
            ?? throw new NotFoundException($"县（区）{county} 的事项清单", $"The catalogue of county {county}");

        return new CatalogueResponse(
            catalogue.County.Value,
            catalogue.Version,
            catalogue.Categories
                .Select(category => new CategoryResponse(
                    category.Code,
                    category.Name,
                    catalogue.Items.Where(i => i.CategoryCode == category.Code).Select(ToResponse).ToList()))
                .ToList());
    }

    private async Task<UnitCode> CallerCountyAsync(GetCatalogueQuery query, CancellationToken cancellationToken)
    {
        var directory = await org.LoadDirectoryAsync(cancellationToken);
        var county = query.Caller.Unit is { } unit ? directory.AreaAt(unit, OrgLevel.County) : null;
        return county?.Code ?? throw new FluentValidation.ValidationException(
            [new FluentValidation.Results.ValidationFailure("county", "县级以上用户须指定县（区）/ county is required for users above county level.")]);
    }

    private static ItemResponse ToResponse(CatalogueItem item) => new(
        item.Code,
        item.Name,
        item.OwningDepartment.Value,
        item.DefaultLevel.ToString(),
        item.TimeLimitHours.ToDictionary(p => ((int)p.Key).ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value),
        item.CountsTowardClosureRate,
        item.AddedInVersion,
        item.IsWithdrawn,
        item.WithdrawnInVersion);
}
