using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities.Tasks;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Routing;

/// <summary>
/// Flags the case for supervision (督办) by the area above the responsible unit's area; responsibility does
/// not move. A case at the city has no one above it: the <c>top</c> port. With <c>"departmentsByOwnArea": true</c>
/// a department is supervised by the area it belongs to (a county department by its county, never the city; a city
/// department has no one above it). Without it a department counts as its owning area, as in v1 — so that journals
/// written before the option existed still re-execute the same.
/// </summary>
public sealed class SuperviseActivity : IActivity
{
    public string Type => "Supervise";

    public ActivityDescriptor Descriptor { get; } = new(
        "Supervise", "督办", "Supervise", "Routing",
        "Flags the case for supervision by the area above the responsible unit's area, without moving responsibility; 'top' at the city. Optionally a department by its own area.",
        """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"departmentsByOwnArea":{"title":"部门由所属区域督办 A department is supervised by its own area","type":"boolean","default":false}},"additionalProperties":false}""",
        ["done", EscalateActivity.Top]);

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        props.OnlyKnown("departmentsByOwnArea");
        var byOwnArea = props.Bool("departmentsByOwnArea") ?? false;
        return props.Failed ? null : new Compiled(node, byOwnArea);
    }

    private sealed class Compiled(NodeDefinition node, bool departmentsByOwnArea) : CompiledActivity(node)
    {
        public override IReadOnlyList<string> Outcomes { get; } = ["done", EscalateActivity.Top];

        public override ActivityResult Execute(ActivityContext context)
        {
            var responsible = context.Responsibility.ResponsibleUnit;
            if (departmentsByOwnArea && context.Org.Find(responsible) is { Kind: UnitKind.Department, ParentCode: { } owner })
            {
                return context.Org.Find(owner) is not { } area
                    ? ActivityResult.Fault($"{Node.Id}: the area {owner} that owns {responsible} is not in the organisation.")
                    : area.Level == OrgLevel.City
                        ? ActivityResult.Next(EscalateActivity.Top)
                        : ActivityResult.Next("done", null, new FlagSupervision(area.Code));
            }

            if (EscalateActivity.OneLevelUp(context.Org, responsible) is not { } found)
            {
                return ActivityResult.Fault($"{Node.Id}: the responsible unit {responsible} (or the area that owns it) is not in the organisation.");
            }

            return found.Above is { } above
                ? ActivityResult.Next("done", null, new FlagSupervision(above))
                : ActivityResult.Next(EscalateActivity.Top);
        }
    }
}
