using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Flow;

/// <summary>Closes the subject with a closure code and ends the instance (other branches' work is cancelled).</summary>
public sealed class EndActivity : IActivity
{
    public static readonly IReadOnlyList<string> ClosureCodes = ["resolved", "invalid", "duplicate", "parked"];

    public string Type => "End";

    public ActivityDescriptor Descriptor { get; } = new(
        "End", "结案", "End", "Flow", "Closes the case with a closure code.",
        """{"type":"object","properties":{"closureCode":{"enum":["resolved","invalid","duplicate","parked"],"default":"resolved"},"fromVariable":{"type":"string"}}}""",
        []);

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        var code = props.String("closureCode", required: false) ?? "resolved";
        var fromVariable = props.String("fromVariable", required: false);
        if (!ClosureCodes.Contains(code))
        {
            props.Problem(ProblemCodes.InvalidProperty, $"closureCode must be one of {string.Join(", ", ClosureCodes)}.");
        }

        if (fromVariable is not null && !context.Variables.ContainsKey(fromVariable))
        {
            props.Problem(ProblemCodes.UnknownVariable, $"fromVariable names unknown variable '{fromVariable}'.");
        }

        return props.Failed ? null : new Compiled(node, code, fromVariable);
    }

    private sealed class Compiled(NodeDefinition node, string closureCode, string? fromVariable) : CompiledActivity(node)
    {
        public override IReadOnlyList<string> Outcomes { get; } = [];

        public override ActivityResult Execute(ActivityContext context)
        {
            var code = fromVariable is not null && context.Variables.GetValueOrDefault(fromVariable) is string chosen && ClosureCodes.Contains(chosen)
                ? chosen
                : closureCode;
            return new ActivityResult.Continue([], [new CloseSubject(code)], null);
        }
    }
}
