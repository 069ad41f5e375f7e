using GridCase.Domain.Organisation;
using GridCase.Persistence.Organisation;
using GridCase.Persistence.Tests.Support;

namespace GridCase.Persistence.Tests.Organisation;

public abstract class OrgStoreContract(DatabaseProvider provider) : ProviderFixture(provider)
{
    [OneTimeSetUp]
    public async Task AddUnits()
    {
        var city = OrgUnit.Area(UnitCode.Parse("140500"), "晋城市", null);
        var county = OrgUnit.Area(UnitCode.Parse("140521"), "沁水县", city);
        var township = OrgUnit.Area(UnitCode.Parse("140521100"), "龙港镇", county);
        var village = OrgUnit.Area(UnitCode.Parse("140521100001"), "杏园社区", township);
        var grid = OrgUnit.Area(UnitCode.Parse("140521100001001"), "杏园社区第1网格", village);
        var police = OrgUnit.Department(UnitCode.Parse("140521GA"), "沁水县公安局", county);
        await using var db = Database.NewContext();
        await new OrgStore(db).AddAsync(
            [city, county, township, village, grid, police],
            [new User("d140521100", "龙港镇指挥中心调度员", Role.Dispatcher, township.Code, "hash")]);
    }

    [Test]
    public async Task The_directory_answers_ancestry_and_scope()
    {
        await using var db = Database.NewContext();

        var directory = await new OrgStore(db).LoadDirectoryAsync();

        Assert.That(directory.Count, Is.EqualTo(6));
        Assert.That(directory.SelfAndAncestors(UnitCode.Parse("140521100001001")).Select(u => u.Level),
            Is.EqualTo(new[] { OrgLevel.Grid, OrgLevel.Village, OrgLevel.Township, OrgLevel.County, OrgLevel.City }));
        Assert.That(directory.IsWithin(UnitCode.Parse("140521GA"), UnitCode.Parse("140521")), Is.True);
        Assert.That(directory.IsWithin(UnitCode.Parse("140521GA"), UnitCode.Parse("140521100")), Is.False);
        Assert.That(directory.Find(UnitCode.Parse("140521GA"))!.Kind, Is.EqualTo(UnitKind.Department));
        Assert.That(directory.Find(UnitCode.Parse("140521GA"))!.Level, Is.EqualTo(OrgLevel.County));
    }

    [Test]
    public async Task A_user_reads_back_with_role_and_unit()
    {
        await using var db = Database.NewContext();

        var user = await new OrgStore(db).FindUserAsync("d140521100");

        Assert.That(user, Is.Not.Null);
        Assert.That(user!.Role, Is.EqualTo(Role.Dispatcher));
        Assert.That(user.UnitCode, Is.EqualTo(UnitCode.Parse("140521100")));
        Assert.That(await new OrgStore(db).FindUserAsync("nobody"), Is.Null);
    }
}

[TestFixture]
public sealed class SqliteOrgStoreTests() : OrgStoreContract(DatabaseProvider.Sqlite);

[TestFixture]
public sealed class PostgresOrgStoreTests() : OrgStoreContract(DatabaseProvider.Postgres);
