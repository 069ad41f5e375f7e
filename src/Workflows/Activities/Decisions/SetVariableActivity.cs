using System.Text.Json;
using GridCase.Workflows.Activities.Tasks;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Expressions;

namespace GridCase.Workflows.Activities.Decisions;

/// <summary>Sets a declared variable to a fixed value or to the value of an expression.</summary>
public sealed class SetVariableActivity : IActivity
{
    public string Type => "SetVariable";

    public ActivityDescriptor Descriptor { get; } = new(
        "SetVariable", "设置变量", "Set variable", "Decisions",
        "Sets a declared variable to a fixed value or to the value of an expression over case data and variables.",
        """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","required":["name"],"properties":{
        "name":{"title":"变量 Variable","type":"string","minLength":1},
        "value":{"title":"值 Value","type":["string","number","boolean","null"]},
        "expression":{"title":"表达式 Expression","type":"string","minLength":1,"maxLength":2000,"examples":["difficulty + 1"]}},
        "oneOf":[{"required":["value"]},{"required":["expression"]}],
        "additionalProperties":false}
        """,
        ["done"]);

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        props.OnlyKnown("name", "value", "expression");
        var name = props.String("name", required: true);
        VariableType type = default;
        if (name is not null && !context.Variables.TryGetValue(name, out type))
        {
            props.Problem(ProblemCodes.UnknownVariable, $"'{name}' 不是已声明的变量 / '{name}' is not a declared variable.");
            name = null;
        }

        // props.Get treats a JSON null as absent; here null is a value ("clear the variable").
        var value = default(JsonElement);
        var hasValue = node.Props.ValueKind == JsonValueKind.Object && node.Props.TryGetProperty("value", out value);
        var expressionText = props.String("expression", required: false);
        if (hasValue == (props.Get("expression") is not null))
        {
            props.Problem(hasValue ? ProblemCodes.InvalidProperty : ProblemCodes.MissingProperty, "value 与 expression 须给出且只能给出一项 / give either a value or an expression.");
            return null;
        }

        if (name is null)
        {
            return null;
        }

        if (hasValue)
        {
            var fixedValue = ExpressionValues.FromJson(value);
            if (value.ValueKind is not JsonValueKind.Null && NameTypes.Coerce(fixedValue, type) is null)
            {
                props.Problem(ProblemCodes.InvalidProperty, $"值 {value.GetRawText()} 不是{ExpressionValues.DescribeChinese(NameTypes.KindOf(type))}（变量 '{name}' 是 {type.ToString().ToLowerInvariant()}） / value {value.GetRawText()} is not {ExpressionValues.Describe(NameTypes.KindOf(type))} (variable '{name}' is {type.ToString().ToLowerInvariant()}).");
                return null;
            }

            return props.Failed ? null : new Compiled(node, name, type, NameTypes.Coerce(fixedValue, type), null);
        }

        if (expressionText is null)
        {
            return null;
        }

        var expression = ConditionExpression.Parse(expressionText, NameTypes.For(context), out var error);
        var errorChinese = error;
        if (error is null && !NameTypes.Fits(expression.ResultType, type))
        {
            errorChinese = $"结果是{ExpressionValues.DescribeChinese(expression.ResultType)}，但变量 '{name}' 是 {type.ToString().ToLowerInvariant()}";
            error = $"it gives {ExpressionValues.Describe(expression.ResultType)} but variable '{name}' is {type.ToString().ToLowerInvariant()}.";
        }

        if (error is not null)
        {
            props.Problem(ProblemCodes.BadCondition, $"表达式 '{expressionText}' 有误：{errorChinese} / expression '{expressionText}': {error}");
            return null;
        }

        return props.Failed ? null : new Compiled(node, name, type, null, expression);
    }

    private sealed class Compiled(NodeDefinition node, string name, VariableType type, object? value, ConditionExpression? expression)
        : CompiledActivity(node)
    {
        public override IReadOnlyList<string> Outcomes { get; } = ["done"];

        public override IEnumerable<string> Conditions => expression is null ? [] : [expression.Text];

        // An expression over values that are not set yet gives null: the variable is cleared, not faulted.
        public override ActivityResult Execute(ActivityContext context) =>
            ActivityResult.Next("done", null, new SetVariable(name, expression is null ? value : NameTypes.Coerce(expression.EvaluateValue(context.Values), type)));
    }
}
