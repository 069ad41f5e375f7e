using GridCase.Domain.Organisation;

namespace GridCase.Workflows.Tests.Activities;

/// <summary>
/// A slice of 晋城市 for activity tests:
/// <code>
/// 140500 city ─┬─ 140500SJ city department
///              └─ 140521 county ─┬─ 140521GA county department (公安)
///                                └─ 140521100 township ─┬─ 140521100AJ township station
///                                                       └─ 140521100001 village ── 140521100001001 grid
/// </code>
/// </summary>
internal static class ActivityTestOrg
{
    public static UnitCode City { get; } = UnitCode.Parse("140500");
    public static UnitCode CityDepartment { get; } = UnitCode.Parse("140500SJ");
    public static UnitCode County { get; } = UnitCode.Parse("140521");
    public static UnitCode CountyDepartment { get; } = UnitCode.Parse("140521GA");
    public static UnitCode Township { get; } = UnitCode.Parse("140521100");
    public static UnitCode TownshipStation { get; } = UnitCode.Parse("140521100AJ");
    public static UnitCode Village { get; } = UnitCode.Parse("140521100001");
    public static UnitCode Grid { get; } = UnitCode.Parse("140521100001001");

    public static OrgDirectory Create()
    {
        var city = OrgUnit.Area(City, "晋城市", null);
        var county = OrgUnit.Area(County, "沁水县", city);
        var township = OrgUnit.Area(Township, "龙港镇", county);
        var village = OrgUnit.Area(Village, "东关村", township);
        return new OrgDirectory(
        [
            city,
            OrgUnit.Department(CityDepartment, "晋城市市场监管局", city),
            county,
            OrgUnit.Department(CountyDepartment, "沁水县公安局", county),
            township,
            OrgUnit.Department(TownshipStation, "龙港镇安监站", township),
            village,
            OrgUnit.Area(Grid, "东关村第一网格", village),
        ]);
    }

    public static UnitCode Code(string name) => name switch
    {
        "city" => City,
        "cityDepartment" => CityDepartment,
        "county" => County,
        "countyDepartment" => CountyDepartment,
        "township" => Township,
        "station" => TownshipStation,
        "village" => Village,
        "grid" => Grid,
        _ => UnitCode.Parse(name),
    };
}
