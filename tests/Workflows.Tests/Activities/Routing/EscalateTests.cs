using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Activities.Routing;
using static GridCase.Workflows.Tests.Activities.ActivityHarness;

namespace GridCase.Workflows.Tests.Activities.Routing;

public sealed class EscalateTests
{
    private readonly EscalateActivity _activity = new();

    [TestCase("grid", "village")]
    [TestCase("village", "township")]
    [TestCase("township", "county")]
    [TestCase("county", "city")]
    [TestCase("station", "county")]
    [TestCase("countyDepartment", "city")]
    public void Escalating_moves_responsibility_one_level_up(string responsible, string expected)
    {
        var node = Compile(_activity, "{}");

        var result = Continued(node.Execute(Context(responsible: ActivityTestOrg.Code(responsible))));

        Assert.That(result.Outcomes, Is.EqualTo(new[] { "done" }));
        Assert.That(result.Effects, Is.EqualTo(new ActivityEffect[] { new AssignResponsibility(ActivityTestOrg.Code(expected), "Escalated") }));
    }

    [TestCase("city")]
    [TestCase("cityDepartment")]
    public void At_the_top_escalation_leaves_through_the_top_port_with_no_effect(string responsible)
    {
        var node = Compile(_activity, "{}");

        var result = Continued(node.Execute(Context(responsible: ActivityTestOrg.Code(responsible))));

        Assert.That(result.Outcomes, Is.EqualTo(new[] { "top" }));
        Assert.That(result.Effects, Is.Empty);
    }

    [Test]
    public void An_unknown_responsible_unit_faults()
    {
        var node = Compile(_activity, "{}");

        Assert.That(node.Execute(Context(responsible: UnitCode.Parse("140521ZZ"))), Is.TypeOf<ActivityResult.Faulted>());
    }

    [Test]
    public void Escalating_to_a_named_unit_assigns_it()
    {
        var node = Compile(_activity, """{"unit":"140521"}""");

        var result = Continued(node.Execute(Context(responsible: ActivityTestOrg.Village)));

        Assert.That(result.Effects, Is.EqualTo(new ActivityEffect[] { new AssignResponsibility(ActivityTestOrg.County, "Escalated") }));
        Assert.That(node.Outcomes, Is.EqualTo(new[] { "done" }));
    }

    [Test]
    public void Escalating_to_an_unknown_named_unit_faults()
    {
        var node = Compile(_activity, """{"unit":"140521ZZ"}""");

        Assert.That(node.Execute(Context()), Is.EqualTo(ActivityResult.Fault("n1: unit 140521ZZ is not in the organisation.")));
    }

    [TestCase("""{"unit":"abc"}""", "unit must be a unit code")]
    [TestCase("""{"unit":5}""", "'unit' must be a non-empty string")]
    [TestCase("""{"unit":"140521100001001"}""", "is a grid")]
    [TestCase("""{"level":"County"}""", "unknown property 'level'")]
    public void Invalid_props_are_problems_naming_the_node(string props, string fragment)
    {
        Assert.That(Problems(_activity, props).Select(p => p.Message), Has.Some.Contains(fragment));
    }

    [TestCase("{}", true, "done,top")]
    [TestCase("""{"unit":"140521"}""", true, "done")]
    [TestCase("""{"unit":"140521GA"}""", true, "done")]
    [TestCase("""{"unit":"140521100001"}""", false, "done")]
    public void Escalation_raises_the_floor_and_never_assigns_to_grid(string props, bool raisesFloor, string outcomes)
    {
        var node = Compile(_activity, props);

        Assert.That(node.Reach, Is.EqualTo(new RoutingReach(raisesFloor, AssignsToGrid: false)));
        Assert.That(node.Outcomes, Is.EqualTo(outcomes.Split(',')));
    }
}
