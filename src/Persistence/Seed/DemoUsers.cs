using GridCase.Domain.Organisation;

namespace GridCase.Persistence.Seed;

/// <summary>
/// One demo account per working unit: <c>admin</c> and <c>auditor</c> at the city, <c>d{code}</c> dispatchers and
/// <c>h{code}</c> handlers for county and township command centres, <c>h{code}</c> handlers for departments and villages,
/// <c>g{code}</c> grid members.
/// </summary>
internal static class DemoUsers
{
    public static IReadOnlyList<DemoUserSpec> For(IReadOnlyList<OrgUnit> units)
    {
        var city = units.Single(u => u.Kind == UnitKind.Area && u.Level == OrgLevel.City);
        var users = new List<DemoUserSpec>(units.Count + 3)
        {
            new("sysadmin", $"{city.Name}系统管理员", Role.SystemAdmin, city.Code),
            new("admin", $"{city.Name}委政法委政策管理员", Role.PolicyAdmin, city.Code),
            new("auditor", $"{city.Name}督查考核员", Role.Auditor, city.Code),
        };
        foreach (var unit in units)
        {
            users.AddRange(For(unit));
        }

        return users;
    }

    private static IEnumerable<DemoUserSpec> For(OrgUnit unit) => (unit.Kind, unit.Level) switch
    {
        (UnitKind.Department, _) => [new($"h{unit.Code}", $"{unit.Name}办理员", Role.Handler, unit.Code)],
        // A centre has a dispatcher and a handler, so that whoever handles a case there is not whoever verifies it.
        (UnitKind.Area, OrgLevel.County or OrgLevel.Township) =>
        [
            new($"d{unit.Code}", $"{unit.Name}指挥中心调度员", Role.Dispatcher, unit.Code),
            new($"h{unit.Code}", $"{unit.Name}指挥中心办理员", Role.Handler, unit.Code),
        ],
        (UnitKind.Area, OrgLevel.Village) => [new($"h{unit.Code}", $"{unit.Name}服务站办理员", Role.Handler, unit.Code)],
        (UnitKind.Area, OrgLevel.Grid) => [new($"g{unit.Code}", $"{unit.Name}网格员", Role.GridMember, unit.Code)],
        _ => [],
    };
}
