using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Reference.GetCatalogue;

/// <summary>A county's matter catalogue; without <c>County</c>, the caller's own county. Withdrawn items are listed, flagged.</summary>
public sealed record GetCatalogueQuery(string? County, Actor Caller) : IQuery<CatalogueResponse>;

public sealed record CatalogueResponse(string County, int Version, IReadOnlyList<CategoryResponse> Categories);

public sealed record CategoryResponse(string Code, string Name, IReadOnlyList<ItemResponse> Items);

public sealed record ItemResponse(
    string Code,
    string Name,
    string OwningDepartment,
    string DefaultLevel,
    IReadOnlyDictionary<string, int> TimeLimitHours,
    bool CountsTowardClosureRate,
    int AddedInVersion,
    bool Withdrawn,
    int? WithdrawnInVersion);
