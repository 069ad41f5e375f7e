using GridCase.Domain.Organisation;

namespace GridCase.Domain.Catalogue;

/// <summary>
/// One matter admitted into the grid (入格事项). Items are added in batches with a catalogue version
/// ("成熟一批，纳入一批") and never changed silently.
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

    public CatalogueItem(
        string code,
        string name,
        string categoryCode,
        UnitCode owningDepartment,
        OrgLevel defaultLevel,
        IReadOnlyDictionary<Difficulty, int> timeLimitHours,
        bool countsTowardClosureRate,
        int addedInVersion)
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

        Code = code;
        Name = name;
        CategoryCode = categoryCode;
        OwningDepartment = owningDepartment;
        DefaultLevel = defaultLevel;
        TimeLimitHours = new Dictionary<Difficulty, int>(timeLimitHours);
        CountsTowardClosureRate = countsTowardClosureRate;
        AddedInVersion = addedInVersion;
    }

    public int TimeLimitFor(Difficulty difficulty) => TimeLimitHours[difficulty];
}
