using GridCase.Domain.Organisation;

namespace GridCase.Domain.Tests.Cases;

/// <summary>
/// A slice of 沁水县 inside 晋城市:
/// <code>
/// 140500 city ── 140521 county ─┬─ 140521HB county department
///                               └─ 140521100 township ─┬─ 140521100AJ township station
///                                                      ├─ 140521100001 village ─┬─ …001 grid
///                                                      │                        └─ …002 grid
///                                                      └─ 140521100002 village
///            └── 140502 county (城区)
/// </code>
/// </summary>
internal sealed class TestOrg
{
    public TestOrg()
    {
        City = OrgUnit.Area(UnitCode.Parse("140500"), "晋城市", null);
        County = OrgUnit.Area(UnitCode.Parse("140521"), "沁水县", City);
        OtherCounty = OrgUnit.Area(UnitCode.Parse("140502"), "城区", City);
        CountyDepartment = OrgUnit.Department(UnitCode.Parse("140521HB"), "沁水县生态环境局", County);
        Township = OrgUnit.Area(UnitCode.Parse("140521100"), "龙港镇", County);
        TownshipStation = OrgUnit.Department(UnitCode.Parse("140521100AJ"), "龙港镇安监站", Township);
        Village = OrgUnit.Area(UnitCode.Parse("140521100001"), "东关村", Township);
        OtherVillage = OrgUnit.Area(UnitCode.Parse("140521100002"), "西关村", Township);
        Grid = OrgUnit.Area(UnitCode.Parse("140521100001001"), "东关村第一网格", Village);
        OtherGrid = OrgUnit.Area(UnitCode.Parse("140521100001002"), "东关村第二网格", Village);
        OtherCountyGrid = OrgUnit.Area(
            UnitCode.Parse("140502001001001"),
            "城区网格",
            OrgUnit.Area(UnitCode.Parse("140502001001"), "城区某社区", OrgUnit.Area(UnitCode.Parse("140502001"), "城区某街道", OtherCounty)));

        GridMember = Actor.ForUser("wg001", Role.GridMember, Grid.Code);
        VillageHandler = Actor.ForUser("cun001", Role.Handler, Village.Code);
        TownshipDispatcher = Actor.ForUser("zhen-zhx", Role.Dispatcher, Township.Code);
        TownshipHandler = Actor.ForUser("zhen-ajz", Role.Handler, TownshipStation.Code);
        CountyDispatcher = Actor.ForUser("xian-zhx", Role.Dispatcher, County.Code);
        DepartmentHandler = Actor.ForUser("xian-hb", Role.Handler, CountyDepartment.Code);
    }

    public OrgUnit City { get; }
    public OrgUnit County { get; }
    public OrgUnit OtherCounty { get; }
    public OrgUnit CountyDepartment { get; }
    public OrgUnit Township { get; }
    public OrgUnit TownshipStation { get; }
    public OrgUnit Village { get; }
    public OrgUnit OtherVillage { get; }
    public OrgUnit Grid { get; }
    public OrgUnit OtherGrid { get; }
    public OrgUnit OtherCountyGrid { get; }

    public Actor GridMember { get; }
    public Actor VillageHandler { get; }
    public Actor TownshipDispatcher { get; }
    public Actor TownshipHandler { get; }
    public Actor CountyDispatcher { get; }
    public Actor DepartmentHandler { get; }
}
