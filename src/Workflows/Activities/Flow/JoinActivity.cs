using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Flow;

public enum JoinMode
{
    /// <summary>Wait until every incoming branch has arrived.</summary>
    All,

    /// <summary>Go on at the first arrival; the other branches' open work is cancelled.</summary>
    Any,
}

/// <summary>Waits for parallel branches. The interpreter counts arrivals; this node only says how many suffice.</summary>
public sealed class JoinActivity : IActivity
{
    public string Type => "Join";

    public ActivityDescriptor Descriptor { get; } = new(
        "Join", "汇合", "Join", "Flow", "Waits for all (or any) incoming branches.",
        """{"type":"object","properties":{"mode":{"enum":["all","any"],"default":"all"}}}""", ["done"]);

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        var modeText = props.String("mode", required: false) ?? "all";
        if (!Enum.TryParse<JoinMode>(modeText, ignoreCase: true, out var mode))
        {
            props.Problem(ProblemCodes.InvalidProperty, "mode 须为 'all' 或 'any' / mode must be 'all' or 'any'.");
            return null;
        }

        return props.Failed ? null : new CompiledJoin(node, mode);
    }
}

public sealed class CompiledJoin(NodeDefinition node, JoinMode mode) : CompiledActivity(node)
{
    public JoinMode Mode { get; } = mode;

    public override IReadOnlyList<string> Outcomes { get; } = ["done"];

    public override ActivityResult Execute(ActivityContext context) => ActivityResult.Next("done");
}
