using GridCase.Workflows.Activities.Tasks;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Routing;

/// <summary>
/// Makes a unit responsible (任务派遣): the area at a level containing the case's grid, the item's owning
/// department, or a fixed unit. The interpreter enforces the no-push-down rule on the assignment.
/// </summary>
public sealed class RouteActivity : IActivity
{
    public const string Kind = "Routed";

    public string Type => "Route";

    public ActivityDescriptor Descriptor { get; } = new(
        "Route", "任务派遣", "Route", "Routing",
        "Makes a unit responsible: the area at a level containing the case's grid, the item's owning department, a fixed unit, the dispatching or supervising unit, or the unit in a variable.",
        """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","required":["target"],"properties":{"target":"""
        + UnitTarget.Schema(UnitTarget.RouteKinds)
        + """},"additionalProperties":false}""",
        ["done"]);

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        props.OnlyKnown("target");
        var target = UnitTarget.Read(props, "target", UnitTarget.RouteKinds, context.Variables);
        return props.Failed || target is null ? null : new Compiled(node, target);
    }

    private sealed class Compiled(NodeDefinition node, UnitTarget target) : CompiledActivity(node)
    {
        public override IReadOnlyList<string> Outcomes { get; } = ["done"];

        public override RoutingReach Reach { get; } = new(target.CanRaiseFloor, target.CanAssignToGrid);

        public override ActivityResult Execute(ActivityContext context)
        {
            var (unit, error) = target.Resolve(context);
            return unit is { } code
                ? ActivityResult.Next("done", null, new AssignResponsibility(code, Kind))
                : ActivityResult.Fault($"{Node.Id}: the target ({target}) cannot be resolved: {error}");
        }
    }
}
