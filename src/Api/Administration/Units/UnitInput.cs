using System.Globalization;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Administration.Units;

/// <summary>
/// A unit as an administrator gives it — one create request or one import row — as text, before it is checked.
/// <see cref="Boundary"/> is GeoJSON text.
/// </summary>
public sealed record UnitInput(
    string? Code, string? Name, string? ParentCode, string? Kind, string? GridType, string? Population, string? Boundary)
{
    /// <summary>The input's fields, checked one by one (formats only; the parent is checked by <see cref="NewUnit"/>).</summary>
    public ParsedUnit? Parse(List<UnitProblem> problems)
    {
        var before = problems.Count;
        if (!UnitCode.TryParse(Code?.Trim(), out var code))
        {
            problems.Add(new("code", $"单位代码无效：'{Code}' / code must be a unit code: 6 digits (county), 9 (township), 12 (village), 15 (grid), or its owner's digits and capital letters (department)."));
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > OrgUnit.MaxNameLength)
        {
            problems.Add(new("name", $"请填写名称（1–{OrgUnit.MaxNameLength} 字） / name is required ({OrgUnit.MaxNameLength} characters at most)."));
        }

        if (!UnitCode.TryParse(ParentCode?.Trim(), out var parent))
        {
            problems.Add(new("parentCode", $"上级单位代码无效：'{ParentCode}' / parentCode must be a unit code."));
        }

        UnitKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (Enum.TryParse<UnitKind>(Kind.Trim(), ignoreCase: true, out var parsedKind) && Enum.IsDefined(parsedKind))
            {
                kind = parsedKind;
            }
            else
            {
                problems.Add(new("kind", $"类型须为 Area 或 Department，而不是 '{Kind}' / kind must be Area or Department."));
            }
        }

        if (kind is { } k && code != default && k != (code.IsDepartment ? UnitKind.Department : UnitKind.Area))
        {
            problems.Add(new("kind", $"代码 {code} 是{(code.IsDepartment ? "部门" : "区域")}代码 / code {code} is the code of a{(code.IsDepartment ? " department" : "n area")}, not of a{(k == UnitKind.Area ? "n area" : " department")}."));
        }

        GridType? gridType = null;
        if (!string.IsNullOrWhiteSpace(GridType))
        {
            gridType = GridTypes.Parse(GridType);
            if (gridType is null)
            {
                problems.Add(new("gridType", $"网格类型须为 Urban（城镇）、Rural（农村）或 Dedicated（专属），而不是 '{GridType}' / gridType must be Urban, Rural or Dedicated."));
            }
        }

        int? population = null;
        if (!string.IsNullOrWhiteSpace(Population))
        {
            if (int.TryParse(Population.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                population = count;
            }
            else
            {
                problems.Add(new("population", $"人口须为非负整数，而不是 '{Population}' / population must be a whole number, 0 or more."));
            }
        }

        string? boundary = null;
        if (!string.IsNullOrWhiteSpace(Boundary))
        {
            if (GeoJsonBoundary.Problem(Boundary) is { } problem)
            {
                problems.Add(new("boundary", problem));
            }
            else
            {
                boundary = Boundary.Trim();
            }
        }

        return problems.Count > before ? null : new ParsedUnit(code, Name!.Trim(), parent, gridType, population, boundary);
    }
}

/// <summary>A unit's fields once each is well formed.</summary>
public sealed record ParsedUnit(UnitCode Code, string Name, UnitCode ParentCode, GridType? GridType, int? Population, string? Boundary);

/// <summary>Grid types as administrators write them: <c>Urban</c>, <c>Rural</c>, <c>Dedicated</c>, or 城镇, 农村, 专属 (网格).</summary>
public static class GridTypes
{
    public static GridType? Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Enum.TryParse<GridType>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(value[0]))
        {
            return parsed;
        }

        return value.TrimEnd('网', '格') switch
        {
            "城镇" => Domain.Organisation.GridType.Urban,
            "农村" => Domain.Organisation.GridType.Rural,
            "专属" => Domain.Organisation.GridType.Dedicated,
            _ => null,
        };
    }
}
