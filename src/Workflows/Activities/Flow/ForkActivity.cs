using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Flow;

/// <summary>Starts parallel branches, one per declared branch port (a lead department and assisting departments).</summary>
public sealed class ForkActivity : IActivity
{
    public string Type => "Fork";

    public ActivityDescriptor Descriptor { get; } = new(
        "Fork", "并行分支", "Fork", "Flow", "Starts every branch at once.",
        """{"type":"object","required":["branches"],"properties":{"branches":{"type":"array","items":{"type":"string"},"minItems":2,"uniqueItems":true}}}""",
        [], OutcomesFromProps: "branches");

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        var branches = props.Strings("branches", required: true);
        if (branches is { Count: < 2 })
        {
            props.Problem(ProblemCodes.InvalidProperty, "并行分支节点至少需要两个分支 / a fork needs at least two branches.");
        }

        return props.Failed || branches is null ? null : new Compiled(node, branches);
    }

    private sealed class Compiled(NodeDefinition node, IReadOnlyList<string> branches) : CompiledActivity(node)
    {
        public override IReadOnlyList<string> Outcomes => branches;

        public override ActivityResult Execute(ActivityContext context) => new ActivityResult.Continue(branches, [], null);
    }
}
