using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Activities.Routing;
using static GridCase.Workflows.Tests.Activities.ActivityHarness;

namespace GridCase.Workflows.Tests.Activities.Routing;

public sealed class SuperviseTests
{
    private readonly SuperviseActivity _activity = new();

    [TestCase("grid", "village")]
    [TestCase("village", "township")]
    [TestCase("township", "county")]
    [TestCase("station", "county")]
    [TestCase("county", "city")]
    [TestCase("countyDepartment", "city")]
    public void The_area_above_the_responsible_units_area_supervises(string responsible, string supervisor)
    {
        var node = Compile(_activity, "{}");

        var result = Continued(node.Execute(Context(responsible: ActivityTestOrg.Code(responsible))));

        Assert.That(result.Outcomes, Is.EqualTo(new[] { "done" }));
        Assert.That(result.Effects, Is.EqualTo(new ActivityEffect[] { new FlagSupervision(ActivityTestOrg.Code(supervisor)) }));
    }

    // With departmentsByOwnArea a department is supervised by the area it belongs to: a county department by its county,
    // never the city. Without it (v1) a department counts as its owning area, so journals written before stay the same.
    [TestCase("countyDepartment", "county")]
    [TestCase("station", "township")]
    public void A_department_is_supervised_by_the_area_it_belongs_to_when_the_node_says_so(string responsible, string supervisor)
    {
        var result = Continued(Compile(_activity, """{"departmentsByOwnArea":true}""").Execute(Context(responsible: ActivityTestOrg.Code(responsible))));

        Assert.That(result.Outcomes, Is.EqualTo(new[] { "done" }));
        Assert.That(result.Effects, Is.EqualTo(new ActivityEffect[] { new FlagSupervision(ActivityTestOrg.Code(supervisor)) }));
    }

    [TestCase("city", "{}")]
    [TestCase("cityDepartment", "{}")]
    [TestCase("cityDepartment", """{"departmentsByOwnArea":true}""")]
    public void Nobody_supervises_the_city(string responsible, string props)
    {
        var result = Continued(Compile(_activity, props).Execute(Context(responsible: ActivityTestOrg.Code(responsible))));

        Assert.That(result.Outcomes, Is.EqualTo(new[] { "top" }));
        Assert.That(result.Effects, Is.Empty);
    }

    [Test]
    public void An_unknown_responsible_unit_faults()
    {
        Assert.That(Compile(_activity, "{}").Execute(Context(responsible: UnitCode.Parse("140521999"))), Is.TypeOf<ActivityResult.Faulted>());
    }

    [Test]
    public void Supervision_takes_only_its_option_and_moves_no_responsibility()
    {
        Assert.That(Problems(_activity, """{"unit":"140521"}""").Select(p => p.Message), Has.Some.Contains("unknown property 'unit'"));
        Assert.That(Compile(_activity, "{}").Reach, Is.EqualTo(RoutingReach.None));
    }
}
