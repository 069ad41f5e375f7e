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

    [TestCase(OrgLevel.Grid, false, true)]
    [TestCase(OrgLevel.Village, false, true)]
    [TestCase(OrgLevel.Township, false, false)]
    [TestCase(OrgLevel.City, false, false)]
    [TestCase(OrgLevel.Township, true, true)]
    public void A_case_may_be_relocated_below_the_floor_level_or_when_back_with_its_dispatching_centre(OrgLevel floor, bool held, bool may) =>
        Assert.That(Rules.MayRelocate(floor, held), Is.EqualTo(may));

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

public sealed class CaseResponsibilityRulesTests
{
    /// <summary>Rules that forbid everything and never move the floor: proves the case asks the port, not its own copy.</summary>
    private sealed class Strict : IResponsibilityRules
    {
        public OrgLevel FloorFrom => OrgLevel.Grid;

        public OrgLevel BlockedLevel => OrgLevel.City;

        public bool Forbids(OrgLevel floor, OrgLevel targetLevel, TaskPurpose purpose = TaskPurpose.Disposal) => true;

        public OrgLevel RaiseFloor(OrgLevel floor, OrgLevel target) => floor;

        public UnitCode? DispatchingAfter(Actor actor, UnitCode target, UnitCode? current) => current;

        public bool MayRelocate(OrgLevel floor, bool heldByDispatchingCentre) => false;
    }

    /// <summary>Rules that allow everything and keep the floor where it is.</summary>
    private sealed class Lenient : IResponsibilityRules
    {
        public OrgLevel FloorFrom => OrgLevel.City;

        public OrgLevel BlockedLevel => OrgLevel.Grid;

        public bool Forbids(OrgLevel floor, OrgLevel targetLevel, TaskPurpose purpose = TaskPurpose.Disposal) => false;

        public OrgLevel RaiseFloor(OrgLevel floor, OrgLevel target) => floor;

        public UnitCode? DispatchingAfter(Actor actor, UnitCode target, UnitCode? current) => current;

        public bool MayRelocate(OrgLevel floor, bool heldByDispatchingCentre) => true;
    }

    [Test]
    public void A_case_routes_by_the_rules_it_is_given()
    {
        var org = new TestOrg();
        var cases = new CaseBuilder(org);
        var refused = cases.Filed();
        var routed = cases.Filed();

        var result = refused.TryRoute(org.Village, new Strict(), org.TownshipDispatcher, cases.Next());
        routed.Route(org.County, new Lenient(), org.TownshipDispatcher, cases.Next());

        Assert.That(result.RefusalCode, Is.EqualTo(CaseErrorCodes.PushDown));
        Assert.That((routed.ResponsibleUnit, routed.Floor, routed.DispatchingUnit), Is.EqualTo((org.County.Code, OrgLevel.Grid, (UnitCode?)null)));
    }
}
