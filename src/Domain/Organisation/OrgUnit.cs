namespace GridCase.Domain.Organisation;

/// <summary>
/// A unit of the organisation: an area (city, county, township, village, grid) or a department attached to
/// an area. A department works at the level of the area it belongs to (a county department is county level).
/// </summary>
public sealed class OrgUnit
{
    public UnitCode Code { get; private set; }
    public string Name { get; private set; }
    public OrgLevel Level { get; private set; }
    public UnitKind Kind { get; private set; }
    public UnitCode? ParentCode { get; private set; }

    /// <summary>Grids only: urban, rural or dedicated (专属网格).</summary>
    public GridType? GridType { get; private set; }

    /// <summary>Grids only, optional: the boundary as a GeoJSON Polygon or MultiPolygon (WGS-84), as given.</summary>
    public string? Boundary { get; private set; }

    /// <summary>Optional: the resident population the unit serves.</summary>
    public int? Population { get; private set; }

    /// <summary>When the unit was retired (UTC): it takes no new cases; cases already there go on.</summary>
    public DateTime? RetiredAt { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    // For the persistence layer's materialiser.
    private OrgUnit() => Name = "";

    private OrgUnit(UnitCode code, string name, OrgLevel level, UnitKind kind, UnitCode? parentCode)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("org.name", "单位须有名称 / A unit needs a name.");
        }

        Code = code;
        Name = name.Trim();
        Level = level;
        Kind = kind;
        ParentCode = parentCode;
    }

    public const int MaxNameLength = 100;

    public static OrgUnit Area(UnitCode code, string name, OrgUnit? parent)
    {
        var level = code.AreaLevel
            ?? throw new DomainRuleException("org.area-code", $"{code} 不是行政区划代码 / '{code}' is not an area code.");
        if (level == OrgLevel.City)
        {
            if (parent is not null)
            {
                throw new DomainRuleException("org.parent", "市没有上级单位 / A city has no parent.");
            }
        }
        else
        {
            if (parent is null || parent.Kind != UnitKind.Area || parent.Level != level + 1)
            {
                throw new DomainRuleException("org.parent", $"{code} 的上级单位层级不对 / The parent of {level} '{code}' must be a {level + 1}.");
            }

            // A county shares the city's first four digits; every lower area starts with its parent's whole code.
            var prefix = level == OrgLevel.County ? parent.Code.Value[..4] : parent.Code.Value;
            if (!code.Value.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new DomainRuleException("org.code-prefix", $"{code} 须以上级单位代码 {prefix} 开头 / '{code}' must start with '{prefix}' (its parent '{parent.Code}').");
            }
        }

        return new OrgUnit(code, name, level, UnitKind.Area, parent?.Code);
    }

    public static OrgUnit Department(UnitCode code, string name, OrgUnit owner)
    {
        if (!code.IsDepartment)
        {
            throw new DomainRuleException("org.department-code", $"{code} 不是部门代码 / '{code}' is not a department code.");
        }

        if (owner.Kind != UnitKind.Area || owner.Level < OrgLevel.Township)
        {
            throw new DomainRuleException("org.department-owner", "部门须隶属于乡镇、县（区）或市 / A department belongs to a township, a county or the city.");
        }

        if (code.OwnerArea != owner.Code)
        {
            throw new DomainRuleException("org.code-prefix", $"{code} 的数字部分须与所属单位代码 {owner.Code} 一致 / The digits of '{code}' must be exactly its owner's code '{owner.Code}'.");
        }

        return new OrgUnit(code, name, owner.Level, UnitKind.Department, owner.Code);
    }

    /// <summary>Gives the unit a new name; its code never changes.</summary>
    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            throw new DomainRuleException("org.name", $"单位名称须为 1–{MaxNameLength} 个字 / A unit needs a name of 1–{MaxNameLength} characters.");
        }

        Name = name.Trim();
    }

    /// <summary>Sets what is known of an area: the grid type and boundary (grids only) and the population.</summary>
    public void Describe(GridType? gridType, string? boundary, int? population)
    {
        if (Level != OrgLevel.Grid || Kind != UnitKind.Area)
        {
            if (gridType is not null || boundary is not null)
            {
                throw new DomainRuleException("org.grid-only", "只有网格才有网格类型和边界 / Only a grid has a grid type and a boundary.");
            }
        }
        else if (gridType is null)
        {
            throw new DomainRuleException("org.grid-type", "A grid needs a type: Urban (城镇), Rural (农村) or Dedicated (专属).");
        }

        if (population is < 0)
        {
            throw new DomainRuleException("org.population", "人口不能为负数 / A population cannot be negative.");
        }

        GridType = gridType;
        Boundary = boundary;
        Population = population;
    }

    /// <summary>Retires the unit: no new cases are reported to it or routed to it; running cases go on.</summary>
    public void Retire(DateTime at)
    {
        if (RetiredAt is not null)
        {
            throw new DomainRuleException("org.retired", $"单位 {Code} 已撤销 / Unit {Code} is already retired.");
        }

        RetiredAt = at;
    }

    /// <summary>Rehydrates a unit from storage without re-checking the parent (already checked when created).</summary>
    public static OrgUnit Restore(UnitCode code, string name, OrgLevel level, UnitKind kind, UnitCode? parentCode) =>
        new(code, name, level, kind, parentCode);
}
