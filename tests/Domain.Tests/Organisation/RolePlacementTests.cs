using GridCase.Domain.Organisation;

namespace GridCase.Domain.Tests.Organisation;

public sealed class RolePlacementTests
{
    private static readonly OrgUnit City = OrgUnit.Area(UnitCode.Parse("140500"), "晋城市", null);
    private static readonly OrgUnit County = OrgUnit.Area(UnitCode.Parse("140521"), "沁水县", City);
    private static readonly OrgUnit Township = OrgUnit.Area(UnitCode.Parse("140521100"), "龙港镇", County);
    private static readonly OrgUnit Village = OrgUnit.Area(UnitCode.Parse("140521100001"), "梅杏社区", Township);
    private static readonly OrgUnit Grid = OrgUnit.Area(UnitCode.Parse("140521100001001"), "梅杏社区第一网格", Village);
    private static readonly OrgUnit CountyDepartment = OrgUnit.Department(UnitCode.Parse("140521HB"), "生态环境分局", County);
    private static readonly OrgUnit Station = OrgUnit.Department(UnitCode.Parse("140521100GA"), "龙港派出所", Township);

    private static OrgUnit Unit(string name) => name switch
    {
        "city" => City,
        "county" => County,
        "township" => Township,
        "village" => Village,
        "grid" => Grid,
        "department" => CountyDepartment,
        "station" => Station,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [TestCase(Role.GridMember, "grid")]
    [TestCase(Role.Dispatcher, "township")]
    [TestCase(Role.Dispatcher, "county")]
    [TestCase(Role.Dispatcher, "city")]
    [TestCase(Role.Handler, "department")]
    [TestCase(Role.Handler, "station")]
    [TestCase(Role.Handler, "village")]
    [TestCase(Role.Handler, "township")]
    [TestCase(Role.Handler, "county")]
    [TestCase(Role.PolicyAdmin, "county")]
    [TestCase(Role.Auditor, "city")]
    [TestCase(Role.SystemAdmin, "county")]
    [TestCase(Role.SystemAdmin, "city")]
    public void A_role_fits_the_units_it_works_in(Role role, string unit) =>
        Assert.That(RolePlacement.Problem(role, Unit(unit)), Is.Null);

    [TestCase(Role.GridMember, "village")]
    [TestCase(Role.GridMember, "department")]
    [TestCase(Role.Dispatcher, "village")]
    [TestCase(Role.Dispatcher, "grid")]
    [TestCase(Role.Dispatcher, "department")]
    [TestCase(Role.Handler, "grid")]
    [TestCase(Role.Handler, "city")]
    [TestCase(Role.PolicyAdmin, "township")]
    [TestCase(Role.Auditor, "department")]
    [TestCase(Role.SystemAdmin, "township")]
    [TestCase(Role.SystemAdmin, "grid")]
    public void A_role_does_not_fit_other_units_and_the_reason_names_the_unit(Role role, string unit)
    {
        var problem = RolePlacement.Problem(role, Unit(unit));

        Assert.That(problem, Does.Contain(Unit(unit).Code.Value).And.Contain(" / "));
    }
}
