using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities.Tasks;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Routing;

/// <summary>
/// Moves responsibility one level up (grid → village → township → county → city; a department → the area above
/// the area that owns it), or to a named unit. At the top there is nowhere to go: the <c>top</c> port.
/// </summary>
public sealed class EscalateActivity : IActivity
{
    public const string Kind = "Escalated";
    public const string Top = "top";

    public string Type => "Escalate";

    public ActivityDescriptor Descriptor { get; } = new(
        "Escalate", "上报升级", "Escalate", "Routing",
        "Moves responsibility one level up from the responsible unit (a department: to the area above its owner), or to a named unit; 'top' when already at the city (only without a unit).",
        """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{
        "unit":{"title":"指定上级单位 Fixed unit (optional)","type":"string","pattern":"^(?:\\d{6}|\\d{9}|\\d{12})(?:[A-Z][A-Z0-9]*)?$","maxLength":32}},
        "additionalProperties":false}
        """,
        ["done", Top]);

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        props.OnlyKnown("unit");
        var text = props.String("unit", required: false);
        UnitCode? unit = null;
        if (text is not null)
        {
            if (!UnitCode.TryParse(text, out var code))
            {
                props.Problem(ProblemCodes.InvalidProperty, "unit 须为单位代码（如 140521 或 140521GA） / unit must be a unit code (e.g. 140521 or 140521GA).");
            }
            else if (code.AreaLevel == OrgLevel.Grid)
            {
                props.Problem(ProblemCodes.InvalidProperty, $"单位 {code} 是网格：上报升级只能向上，不能升级到网格 / unit {code} is a grid: escalation goes up, never to a grid.");
            }
            else
            {
                unit = code;
            }
        }

        return props.Failed ? null : new Compiled(node, unit);
    }

    private sealed class Compiled(NodeDefinition node, UnitCode? unit) : CompiledActivity(node)
    {
        // A fixed unit is always there to escalate to, so only "one level up" has a top.
        public override IReadOnlyList<string> Outcomes { get; } = unit is null ? ["done", Top] : ["done"];

        public override RoutingReach Reach { get; } = new(
            RaisesFloor: unit is not { } code || code.IsDepartment || code.AreaLevel >= NoPushDownPolicy.Default.FloorFrom,
            AssignsToGrid: false);

        public override ActivityResult Execute(ActivityContext context)
        {
            if (unit is { } fixedUnit)
            {
                return context.Org.Find(fixedUnit) is null
                    ? ActivityResult.Fault($"{Node.Id}: unit {fixedUnit} is not in the organisation.")
                    : ActivityResult.Next("done", null, new AssignResponsibility(fixedUnit, Kind));
            }

            var responsible = context.Responsibility.ResponsibleUnit;
            if (OneLevelUp(context.Org, responsible) is not { } found)
            {
                return ActivityResult.Fault($"{Node.Id}: the responsible unit {responsible} (or the area that owns it) is not in the organisation.");
            }

            return found.Above is { } above
                ? ActivityResult.Next("done", null, new AssignResponsibility(above, Kind))
                : ActivityResult.Next(Top);
        }
    }

    /// <summary>
    /// The area above <paramref name="unit"/> (for a department: above the area that owns it); <c>Above</c> is null
    /// at the top. Null when a unit on the way is not in the directory.
    /// </summary>
    internal static (UnitCode? Above, OrgUnit Area)? OneLevelUp(OrgDirectory org, UnitCode unit)
    {
        var current = org.Find(unit);
        var area = current?.Kind == UnitKind.Department && current.ParentCode is { } owner ? org.Find(owner) : current;
        if (area is null)
        {
            return null;
        }

        if (area.ParentCode is not { } parent)
        {
            return (null, area);
        }

        return org.Find(parent) is null ? null : (parent, area);
    }
}
