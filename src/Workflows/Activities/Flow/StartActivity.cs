using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Flow;

/// <summary>Where every instance begins: the event was reported.</summary>
public sealed class StartActivity : IActivity
{
    public string Type => "Start";

    public ActivityDescriptor Descriptor { get; } = new(
        "Start", "开始（信息收集）", "Start (report)", "Flow", "The event was reported.", """{"type":"object","properties":{}}""", ["done"]);

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems) => new Compiled(node);

    private sealed class Compiled(NodeDefinition node) : CompiledActivity(node)
    {
        public override IReadOnlyList<string> Outcomes { get; } = ["done"];

        public override ActivityResult Execute(ActivityContext context) => ActivityResult.Next("done");
    }
}
