using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;

namespace GridCase.Domain.Tests.Cases;

public sealed class ResponsibilityRulesTests
{
    private static readonly IResponsibilityRules Rules = NoPushDownPolicy.Default;
    private static readonly UnitCode Township = UnitCode.Parse("140521100");
    private static readonly UnitCode County = UnitCode.Parse("140521");
    private static readonly UnitCode Grid = UnitCode.Parse("140521100001001");

    [TestCase(TaskPurpose.Disposal, true)]
    [TestCase(TaskPurpose.Check, false)]
    [TestCase(TaskPurpose.Visit, false)]
    public void Only_disposal_at_grid_level_is_a_push_down(TaskPurpose purpose, bool forbidden) =>
        Assert.That(Rules.Forbids(OrgLevel.Township, OrgLevel.Grid, purpose), Is.EqualTo(forbidden));

    [TestCase(OrgLevel.Village, OrgLevel.Township, OrgLevel.Township)]
    [TestCase(OrgLevel.County, OrgLevel.Village, OrgLevel.County)]
    public void The_floor_only_rises(OrgLevel floor, OrgLevel target, OrgLevel expected) =>
        Assert.That(Rules.RaiseFloor(floor, target), Is.EqualTo(expected));

    [TestCase(OrgLevel.Grid, true)]
    [TestCase(OrgLevel.Village, true)]
    [TestCase(OrgLevel.Township, false)]
    [TestCase(OrgLevel.City, false)]
    public void A_case_may_be_relocated_only_below_the_floor_level(OrgLevel floor, bool may) =>
        Assert.That(Rules.MayRelocate(floor), Is.EqualTo(may));

    [Test]
    public void Only_a_dispatcher_dispatches()
    {
        var dispatcher = Actor.ForUser("d1", Role.Dispatcher, County);
        var handler = Actor.ForUser("h1", Role.Handler, Township);
        Assert.Multiple(() =>
        {
            Assert.That(Rules.DispatchingAfter(dispatcher, Township, null), Is.EqualTo(County));
            Assert.That(Rules.DispatchingAfter(handler, County, Township), Is.EqualTo(Township));
            Assert.That(Rules.DispatchingAfter(Actor.System, Grid, Township), Is.EqualTo(Township));
            Assert.That(Rules.DispatchingAfter(dispatcher, Township, Township), Is.EqualTo(Township), "back to its own centre");
        });
    }
}
