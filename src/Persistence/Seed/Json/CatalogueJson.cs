using GridCase.Domain.Organisation;

namespace GridCase.Persistence.Seed.Json;

internal sealed record CatalogueJson(string County, IReadOnlyList<CategoryJson> Categories);

internal sealed record CategoryJson(string Code, string Name, IReadOnlyList<ItemJson> Items);

/// <summary>One item; <see cref="TimeLimitHours"/> holds the limits for difficulty 1 to 4, in that order.</summary>
internal sealed record ItemJson(
    string Code,
    string Name,
    string OwningDepartment,
    OrgLevel DefaultLevel,
    IReadOnlyList<int> TimeLimitHours,
    bool CountsTowardClosureRate = true,
    int Version = 1);
