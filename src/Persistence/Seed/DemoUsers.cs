using GridCase.Domain.Organisation;

namespace GridCase.Persistence.Seed;

/// <summary>
/// One demo account per working unit: <c>admin</c> and <c>auditor</c> at the city, <c>d{code}</c> dispatchers for
/// county and township command centres, <c>h{code}</c> handlers for departments and villages,
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
            if (For(unit) is { } user)
            {
                users.Add(user);
            }
        }

        return users;
    }

    private static DemoUserSpec? For(OrgUnit unit) => (unit.Kind, unit.Level) switch
    {
        (UnitKind.Department, _) => new($"h{unit.Code}", $"{unit.Name}办理员", Role.Handler, unit.Code),
        (UnitKind.Area, OrgLevel.County or OrgLevel.Township) =>
            new($"d{unit.Code}", $"{unit.Name}指挥中心调度员", Role.Dispatcher, unit.Code),
        (UnitKind.Area, OrgLevel.Village) => new($"h{unit.Code}", $"{unit.Name}服务站办理员", Role.Handler, unit.Code),
        (UnitKind.Area, OrgLevel.Grid) => new($"g{unit.Code}", $"{unit.Name}网格员", Role.GridMember, unit.Code),
        _ => null,
    };
}
