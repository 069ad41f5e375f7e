using GridCase.Domain.Organisation;

namespace GridCase.Domain.Catalogue;

/// <summary>
/// One matter admitted into the grid (入格事项). Items are added in batches with a catalogue version
/// ("成熟一批，纳入一批") and never changed silently; an item can be withdrawn (退出清单) in a later version: no new
/// reports name it, cases already running go on with it.
/// </summary>
public sealed class CatalogueItem
{
    public string Code { get; }
    public string Name { get; }
    public string CategoryCode { get; }
    public UnitCode OwningDepartment { get; }
    public OrgLevel DefaultLevel { get; }
    public IReadOnlyDictionary<Difficulty, int> TimeLimitHours { get; }
    public bool CountsTowardClosureRate { get; }
    public int AddedInVersion { get; }

    /// <summary>The catalogue version that withdrew the item, if any.</summary>
    public int? WithdrawnInVersion { get; }

    public bool IsWithdrawn => WithdrawnInVersion is not null;

    public CatalogueItem(
        string code,
        string name,
        string categoryCode,
        UnitCode owningDepartment,
        OrgLevel defaultLevel,
        IReadOnlyDictionary<Difficulty, int> timeLimitHours,
        bool countsTowardClosureRate,
        int addedInVersion,
        int? withdrawnInVersion = null)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("catalogue.item", "A catalogue item needs a code and a name.");
        }

        if (!owningDepartment.IsDepartment)
        {
            throw new DomainRuleException("catalogue.owner", $"Item {code}: '{owningDepartment}' is not a department.");
        }

        foreach (var difficulty in Enum.GetValues<Difficulty>())
        {
            if (!timeLimitHours.TryGetValue(difficulty, out var hours) || hours <= 0)
            {
                throw new DomainRuleException("catalogue.time-limit", $"Item {code} needs a positive time limit for difficulty {(int)difficulty}.");
            }
        }

        if (addedInVersion < 1)
        {
            throw new DomainRuleException("catalogue.version", $"Item {code}: catalogue versions start at 1.");
        }

        if (withdrawnInVersion <= addedInVersion)
        {
            throw new DomainRuleException("catalogue.version", $"Item {code} added in version {addedInVersion} cannot be withdrawn in version {withdrawnInVersion}.");
        }

        Code = code;
        Name = name;
        CategoryCode = categoryCode;
        OwningDepartment = owningDepartment;
        DefaultLevel = defaultLevel;
        TimeLimitHours = new Dictionary<Difficulty, int>(timeLimitHours);
        CountsTowardClosureRate = countsTowardClosureRate;
        AddedInVersion = addedInVersion;
        WithdrawnInVersion = withdrawnInVersion;
    }

    /// <summary>The same item, withdrawn from <paramref name="version"/> on (items are immutable: kept versions share them).</summary>
    public CatalogueItem WithdrawnIn(int version) =>
        new(Code, Name, CategoryCode, OwningDepartment, DefaultLevel, TimeLimitHours, CountsTowardClosureRate, AddedInVersion, version);

    public int TimeLimitFor(Difficulty difficulty) => TimeLimitHours[difficulty];
}
