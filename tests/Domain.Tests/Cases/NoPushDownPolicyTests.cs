using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;

namespace GridCase.Domain.Tests.Cases;

public sealed class NoPushDownPolicyTests
{
    [Test]
    public void The_default_floor_is_township_and_the_blocked_level_is_grid() =>
        Assert.That((NoPushDownPolicy.Default.FloorFrom, NoPushDownPolicy.Default.BlockedLevel), Is.EqualTo((OrgLevel.Township, OrgLevel.Grid)));

    [TestCase(OrgLevel.Grid, OrgLevel.Grid, false)]
    [TestCase(OrgLevel.Village, OrgLevel.Grid, false)]
    [TestCase(OrgLevel.Township, OrgLevel.Grid, true)]
    [TestCase(OrgLevel.County, OrgLevel.Grid, true)]
    [TestCase(OrgLevel.City, OrgLevel.Grid, true)]
    [TestCase(OrgLevel.Township, OrgLevel.Village, false)]
    [TestCase(OrgLevel.County, OrgLevel.Township, false)]
    public void The_default_policy_forbids_only_grid_targets_from_a_township_floor(OrgLevel floor, OrgLevel target, bool forbidden) =>
        Assert.That(NoPushDownPolicy.Default.Forbids(floor, target), Is.EqualTo(forbidden));

    [TestCase(OrgLevel.Grid, OrgLevel.Grid)]
    [TestCase(OrgLevel.Township, OrgLevel.Township)]
    [TestCase(OrgLevel.Village, OrgLevel.Township)]
    [TestCase((OrgLevel)9, OrgLevel.Grid)]
    public void A_blocked_level_must_lie_below_the_floor(OrgLevel floorFrom, OrgLevel blocked)
    {
        var ex = Assert.Throws<DomainRuleException>(() => _ = new NoPushDownPolicy(floorFrom, blocked));
        Assert.That(ex.Code, Is.EqualTo(CaseErrorCodes.Policy));
    }
}
