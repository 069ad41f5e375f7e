using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities.Tasks;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Routing;

/// <summary>
/// Flags the case for supervision (督办) by the area above the responsible unit's area; responsibility does
/// not move. A department is supervised by the area it belongs to (a county department by its county, never
/// the city). A case at the city, or with a city department, has no one above it: the <c>top</c> port.
/// </summary>
public sealed class SuperviseActivity : IActivity
{
    public string Type => "Supervise";

    public ActivityDescriptor Descriptor { get; } = new(
        "Supervise", "督办", "Supervise", "Routing",
        "Flags the case for supervision by the area above the responsible unit's area, without moving responsibility; 'top' at the city.",
        """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{},"additionalProperties":false}""",
        ["done", EscalateActivity.Top]);

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        props.OnlyKnown();
        return props.Failed ? null : new Compiled(node);
    }

    private sealed class Compiled(NodeDefinition node) : CompiledActivity(node)
    {
        public override IReadOnlyList<string> Outcomes { get; } = ["done", EscalateActivity.Top];

        public override ActivityResult Execute(ActivityContext context)
        {
            var responsible = context.Responsibility.ResponsibleUnit;
            if (context.Org.Find(responsible) is { Kind: UnitKind.Department, ParentCode: { } owner })
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
