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

    /// <summary>The catalogue version from which the item is withdrawn (no new reports); running cases keep it.</summary>
    public int? WithdrawnInVersion { get; set; }

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

/// <summary>
/// A batch of new items proposed for a county's catalogue (成熟一批，纳入一批): proposed by one administrator,
/// approved or rejected by another; approval admits it as the county's next catalogue version.
/// </summary>
public sealed class CatalogueBatchRow
{
    public required Guid Id { get; init; }
    public required UnitCode County { get; init; }
    public required CatalogueBatchStatus Status { get; set; }
    public required string Note { get; init; }

    /// <summary>The proposed categories and items as JSON.</summary>
    public required string Content { get; init; }

    public required string ProposedBy { get; init; }
    public required DateTime ProposedAt { get; init; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }

    /// <summary>The catalogue version the batch became, once approved.</summary>
    public int? Version { get; set; }
}

public enum CatalogueBatchStatus
{
    Proposed,
    Approved,
    Rejected,
}
