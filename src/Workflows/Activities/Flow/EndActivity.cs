using GridCase.Workflows.Activities.Tasks;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Flow;

/// <summary>Closes the subject with a closure code and ends the instance (other branches' work is cancelled).</summary>
public sealed class EndActivity : IActivity
{
    public static readonly IReadOnlyList<string> ClosureCodes = ["resolved", "invalid", "duplicate", "parked"];

    public string Type => "End";

    public ActivityDescriptor Descriptor { get; } = new(
        "End", "结案", "End", "Flow", "Closes the case with a closure code.",
        """{"type":"object","properties":{"closureCode":{"title":"结案类型 Closure code","enum":["resolved","invalid","duplicate","parked"],"default":"resolved"},"fromVariable":{"title":"取自变量 From variable","type":"string"},"branch":{"title":"仅结束本分支 Ends this branch only","type":"boolean","default":false}}}""",
        []);

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        var code = props.String("closureCode", required: false) ?? "resolved";
        var fromVariable = props.String("fromVariable", required: false);
        var branch = props.Bool("branch") ?? false;
        if (!ClosureCodes.Contains(code))
        {
            props.Problem(ProblemCodes.InvalidProperty, $"closureCode 须为 {string.Join("、", ClosureCodes)} 之一 / closureCode must be one of {string.Join(", ", ClosureCodes)}.");
        }

        if (fromVariable is not null && !context.Variables.ContainsKey(fromVariable))
        {
            props.Problem(ProblemCodes.UnknownVariable, $"fromVariable 引用了未声明的变量 '{fromVariable}' / fromVariable names unknown variable '{fromVariable}'.");
        }

        return props.Failed ? null : new Compiled(node, code, fromVariable, branch);
    }

    /// <summary>True for an End that closes the subject (not a <c>branch</c> end): what the validator's <c>no-end</c> check needs.</summary>
    public static bool Closes(NodeDefinition node) =>
        !(node.Props is { ValueKind: System.Text.Json.JsonValueKind.Object } props
          && props.TryGetProperty("branch", out var branch) && branch.ValueKind == System.Text.Json.JsonValueKind.True);

    private sealed class Compiled(NodeDefinition node, string closureCode, string? fromVariable, bool branch) : CompiledActivity(node)
    {
        public override IReadOnlyList<string> Outcomes { get; } = [];

        public override ActivityResult Execute(ActivityContext context)
        {
            if (branch)
            {
                return new ActivityResult.Continue([], [], null); // only this path stops: no closure
            }

            var code = fromVariable is not null && context.Variables.GetValueOrDefault(fromVariable) is string chosen && ClosureCodes.Contains(chosen)
                ? chosen
                : closureCode;
            return new ActivityResult.Continue([], [new CloseSubject(code)], null);
        }
    }
}
