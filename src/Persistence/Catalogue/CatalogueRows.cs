using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;

namespace GridCase.Persistence.Catalogue;

/// <summary>Storage shape of a county's catalogue; <see cref="CatalogueStore"/> maps it to the domain.</summary>
public sealed class CatalogueRow
{
    public required UnitCode County { get; init; }
    public required int Version { get; set; }
}

public sealed class CatalogueCategoryRow
{
    public required UnitCode County { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required int Ordinal { get; init; }
}

public sealed class CatalogueItemRow
{
    public required UnitCode County { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string CategoryCode { get; init; }
    public required UnitCode OwningDepartment { get; init; }
    public required OrgLevel DefaultLevel { get; init; }
    public required int HoursSimple { get; init; }
    public required int HoursOrdinary { get; init; }
    public required int HoursComplex { get; init; }
    public required int HoursMajor { get; init; }
    public required bool CountsTowardClosureRate { get; init; }
    public required int AddedInVersion { get; init; }
    public required int Ordinal { get; init; }

    public static CatalogueItemRow From(UnitCode county, CatalogueItem item, int ordinal) => new()
    {
        County = county,
        Code = item.Code,
        Name = item.Name,
        CategoryCode = item.CategoryCode,
        OwningDepartment = item.OwningDepartment,
        DefaultLevel = item.DefaultLevel,
        HoursSimple = item.TimeLimitFor(Difficulty.Simple),
        HoursOrdinary = item.TimeLimitFor(Difficulty.Ordinary),
        HoursComplex = item.TimeLimitFor(Difficulty.Complex),
        HoursMajor = item.TimeLimitFor(Difficulty.Major),
        CountsTowardClosureRate = item.CountsTowardClosureRate,
        AddedInVersion = item.AddedInVersion,
        Ordinal = ordinal,
    };

    public CatalogueItem ToDomain() => new(
        Code,
        Name,
        CategoryCode,
        OwningDepartment,
        DefaultLevel,
        new Dictionary<Difficulty, int>
        {
            [Difficulty.Simple] = HoursSimple,
            [Difficulty.Ordinary] = HoursOrdinary,
            [Difficulty.Complex] = HoursComplex,
            [Difficulty.Major] = HoursMajor,
        },
        CountsTowardClosureRate,
        AddedInVersion);
}
