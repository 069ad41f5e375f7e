using GridCase.Workflows.Activities;
using GridCase.Workflows.Activities.Routing;
using GridCase.Workflows.Definitions;
using static GridCase.Workflows.Tests.Activities.ActivityHarness;

namespace GridCase.Workflows.Tests.Activities.Routing;

public sealed class RouteTests
{
    private readonly RouteActivity _activity = new();

    [TestCase("{}", ProblemCodes.MissingProperty, "'target' is required")]
    [TestCase("""{"target":{}}""", ProblemCodes.MissingProperty, "exactly one of level, owningDepartment, unit")]
    [TestCase("""{"target":{"responsible":true}}""", ProblemCodes.InvalidProperty, "unknown property 'responsible'")]
    [TestCase("""{"target":{"level":"Township","owningDepartment":true}}""", ProblemCodes.InvalidProperty, "exactly one of")]
    [TestCase("""{"target":{"unit":"14052"}}""", ProblemCodes.InvalidProperty, "unit must be a unit code")]
    [TestCase("""{"target":{"level":"Province"}}""", ProblemCodes.InvalidProperty, "level must be one of")]
    [TestCase("""{"target":"Township"}""", ProblemCodes.InvalidProperty, "'target' must be an object")]
    [TestCase("""{"target":{"level":"Township"},"reason":"x"}""", ProblemCodes.InvalidProperty, "unknown property 'reason'")]
    public void Missing_or_invalid_props_are_problems_naming_the_node(string props, string code, string fragment)
    {
        var problems = Problems(_activity, props);

        Assert.That(problems, Has.Some.Matches<DefinitionProblem>(p => p.Code == code && p.Message.Contains(fragment)));
    }

    [TestCase("""{"level":"Grid"}""", "grid")]
    [TestCase("""{"level":"Village"}""", "village")]
    [TestCase("""{"level":"Township"}""", "township")]
    [TestCase("""{"level":"County"}""", "county")]
    [TestCase("""{"level":"City"}""", "city")]
    [TestCase("""{"owningDepartment":true}""", "countyDepartment")]
    [TestCase("""{"unit":"140521100AJ"}""", "station")]
    public void Routing_makes_the_target_responsible(string target, string expected)
    {
        var node = Compile(_activity, $$"""{"target":{{target}}}""");

        var result = Continued(node.Execute(Context()));

        Assert.That(result.Outcomes, Is.EqualTo(new[] { "done" }));
        Assert.That(result.Effects, Is.EqualTo(new ActivityEffect[] { new AssignResponsibility(ActivityTestOrg.Code(expected), "Routed") }));
        Assert.That(node.Outcomes, Is.EqualTo(new[] { "done" }));
    }

    [Test]
    public void An_unknown_fixed_unit_faults_at_run_time()
    {
        var node = Compile(_activity, """{"target":{"unit":"140521ZZ"}}""");

        Assert.That(node.Execute(Context()), Is.EqualTo(ActivityResult.Fault("n1: the target (unit 140521ZZ) cannot be resolved: unit 140521ZZ is not in the organisation.")));
    }

    [TestCase("""{"level":"Grid"}""", false, true)]
    [TestCase("""{"level":"Village"}""", false, false)]
    [TestCase("""{"level":"Township"}""", true, false)]
    [TestCase("""{"level":"County"}""", true, false)]
    [TestCase("""{"level":"City"}""", true, false)]
    [TestCase("""{"owningDepartment":true}""", true, false)]
    [TestCase("""{"unit":"140521100001001"}""", false, true)]
    [TestCase("""{"unit":"140521100001"}""", false, false)]
    [TestCase("""{"unit":"140521100"}""", true, false)]
    [TestCase("""{"unit":"140521100AJ"}""", true, false)]
    [TestCase("""{"unit":"140521GA"}""", true, false)]
    public void The_reach_says_whether_a_route_raises_the_floor_or_assigns_to_grid(string target, bool raisesFloor, bool assignsToGrid)
    {
        var node = Compile(_activity, $$"""{"target":{{target}}}""");

        Assert.That(node.Reach, Is.EqualTo(new RoutingReach(raisesFloor, assignsToGrid)));
    }
}
