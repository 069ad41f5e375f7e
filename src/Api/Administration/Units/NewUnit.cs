using GridCase.Domain;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Administration.Units;

/// <summary>
/// Makes a new unit under its parent through the domain's factories (<see cref="OrgUnit.Area"/>,
/// <see cref="OrgUnit.Department"/>, <see cref="OrgUnit.Describe"/>), after checking the same rules first so that each
/// problem names its field in both languages.
/// </summary>
public static class NewUnit
{
    public static OrgUnit? Build(ParsedUnit input, OrgUnit parent, List<UnitProblem> problems)
    {
        var before = problems.Count;
        var code = input.Code;
        if (code.IsDepartment)
        {
            if (parent.Kind != UnitKind.Area || parent.Level < OrgLevel.Township)
            {
                problems.Add(new("parentCode", $"部门只能隶属于乡镇、县或市，而 {parent.Code} 是{LevelName(parent)} / a department belongs to a township, a county or the city, not to {parent.Code}."));
            }
            else if (code.OwnerArea != parent.Code)
            {
                problems.Add(new("code", $"部门代码须为上级代码 {parent.Code} 加大写字母缩写 / the digits of department code {code} must be exactly its owner's code {parent.Code} (e.g. {parent.Code}GA)."));
            }
        }
        else
        {
            var level = code.AreaLevel!.Value;
            if (level == OrgLevel.City)
            {
                problems.Add(new("code", $"{code} 是市级代码；市在首次启动时创建 / {code} is a city's code; the city is created at first start, not here."));
            }
            else if (parent.Kind != UnitKind.Area || parent.Level != level + 1)
            {
                problems.Add(new("parentCode", $"{LevelName(level)}的上级须为{LevelName(level + 1)}，而 {parent.Code} 是{LevelName(parent)} / the parent of a {level} must be a {level + 1}, not {parent.Code}."));
            }
            else if (!code.Value.StartsWith(AreaPrefix(parent.Code), StringComparison.Ordinal))
            {
                problems.Add(new("code", $"代码须以上级代码 {AreaPrefix(parent.Code)} 开头 / code {code} must start with '{AreaPrefix(parent.Code)}' (its parent {parent.Code}){(level == OrgLevel.Grid ? ": a grid's 15 digits are its village's 12 and 3 of its own" : "")}."));
            }
        }

        var isGrid = code.AreaLevel == OrgLevel.Grid;
        if (isGrid && input.GridType is null)
        {
            problems.Add(new("gridType", "网格须注明类型：城镇、农村或专属 / a grid needs a gridType: Urban, Rural or Dedicated."));
        }

        if (!isGrid && input.GridType is not null)
        {
            problems.Add(new("gridType", "只有网格有网格类型 / only a grid has a gridType."));
        }

        if (!isGrid && input.Boundary is not null)
        {
            problems.Add(new("boundary", "只有网格有边界 / only a grid has a boundary."));
        }

        if (input.Population is < 0)
        {
            problems.Add(new("population", "人口不能为负数 / population cannot be negative."));
        }

        if (problems.Count > before)
        {
            return null;
        }

        try
        {
            var unit = code.IsDepartment ? OrgUnit.Department(code, input.Name, parent) : OrgUnit.Area(code, input.Name, parent);
            unit.Describe(input.GridType, input.Boundary, input.Population);
            return unit;
        }
        catch (DomainRuleException e)
        {
            problems.Add(new(FieldOf(e.Code), e.Message));
            return null;
        }
    }

    /// <summary>The code prefix every unit below <paramref name="area"/> starts with (a city's counties share its first four digits).</summary>
    public static string AreaPrefix(UnitCode area) =>
        area.AreaLevel == OrgLevel.City ? area.Value[..4] : area.Value;

    /// <summary>The field a domain refusal is about.</summary>
    public static string FieldOf(string domainCode) => domainCode switch
    {
        "org.name" => "name",
        "org.parent" or "org.department-owner" => "parentCode",
        "org.grid-type" or "org.grid-only" => "gridType",
        "org.population" => "population",
        _ => "code",
    };

    public static string LevelName(OrgUnit unit) => unit.Kind == UnitKind.Department ? "部门" : LevelName(unit.Level);

    public static string LevelName(OrgLevel level) => level switch
    {
        OrgLevel.Grid => "网格",
        OrgLevel.Village => "村（社区）",
        OrgLevel.Township => "乡镇（街道）",
        OrgLevel.County => "县（区）",
        _ => "市",
    };
}
