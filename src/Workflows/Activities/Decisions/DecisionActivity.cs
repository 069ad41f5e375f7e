using System.Text.Json;
using GridCase.Workflows.Activities.Tasks;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Expressions;

namespace GridCase.Workflows.Activities.Decisions;

/// <summary>Ordered conditions over case data and variables: the first that is true decides the outcome, else the default.</summary>
public sealed class DecisionActivity : IActivity
{
    public string Type => "Decision";

    public ActivityDescriptor Descriptor { get; } = new(
        "Decision", "条件分支", "Decision", "Decisions",
        "Ordered conditions over case data and variables; the first true condition chooses its outcome, otherwise the default.",
        """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","required":["conditions","default"],"properties":{
        "conditions":{"title":"条件 Conditions","type":"array","minItems":1,"items":{"type":"object","required":["outcome","when"],"properties":{
        "outcome":{"title":"结果 Outcome","type":"string","minLength":1},
        "when":{"title":"条件表达式 Condition","type":"string","minLength":1,"maxLength":2000,"examples":["difficulty >= 3 && scope == 'County'"]}},
        "additionalProperties":false}},
        "default":{"title":"默认结果 Default outcome","type":"string","minLength":1}},
        "additionalProperties":false}
        """,
        [], OutcomesFromProps: "conditions[].outcome,default");

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        props.OnlyKnown("conditions", "default");
        var fallback = props.String("default", required: true);
        var conditions = new List<(string Outcome, ConditionExpression When)>();
        if (props.Array("conditions", required: true) is { } array)
        {
            var types = NameTypes.For(context);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                if (Read(props, element, $"conditions[{index++}]", types) is { } condition)
                {
                    conditions.Add(condition);
                }
            }

            if (index == 0)
            {
                props.Problem(ProblemCodes.InvalidProperty, "条件分支节点至少需要一个条件 / a decision needs at least one condition.");
            }
        }

        return props.Failed || fallback is null ? null : new Compiled(node, conditions, fallback);
    }

    private static (string, ConditionExpression)? Read(PropsReader props, JsonElement element, string path, IReadOnlyDictionary<string, ValueKind> types)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            props.Problem(ProblemCodes.InvalidProperty, $"{path} 须为含 outcome 和条件（'when'）的对象 / {path} must be an object with an outcome and a condition ('when').");
            return null;
        }

        props.OnlyKnown(element, path, "outcome", "when");
        var outcome = element.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(o.GetString())
            ? o.GetString()
            : null;
        if (outcome is null)
        {
            props.Problem(ProblemCodes.MissingProperty, $"{path} 缺少结果（outcome） / {path} needs an outcome.");
        }

        if (!element.TryGetProperty("when", out var w) || w.ValueKind != JsonValueKind.String)
        {
            props.Problem(
                w.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? ProblemCodes.MissingProperty : ProblemCodes.InvalidProperty,
                $"{path} 缺少文字形式的条件（'when'），如 \"difficulty >= 3\" / {path} needs a condition ('when') as text, e.g. \"difficulty >= 3\".");
            return null;
        }

        var when = ConditionExpression.Parse(w.GetString()!, types, out var error);
        var errorChinese = error;
        if (error is null && when.ResultType is not (ValueKind.Bool or ValueKind.Unknown))
        {
            errorChinese = $"条件的结果是{ExpressionValues.DescribeChinese(when.ResultType)}，不是 true 或 false";
            error = $"the condition is {ExpressionValues.Describe(when.ResultType)}, not true or false.";
        }

        if (error is not null)
        {
            props.Problem(ProblemCodes.BadCondition, $"{path} 的条件 '{w.GetString()}' 有误：{errorChinese} / {path} ('{w.GetString()}'): {error}");
            return null;
        }

        return outcome is null ? null : (outcome, when);
    }

    private sealed class Compiled(NodeDefinition node, IReadOnlyList<(string Outcome, ConditionExpression When)> conditions, string fallback)
        : CompiledActivity(node)
    {
        public override IReadOnlyList<string> Outcomes { get; } =
            conditions.Select(c => c.Outcome).Append(fallback).Distinct(StringComparer.Ordinal).ToList();

        public override IEnumerable<string> Conditions => conditions.Select(c => c.When.Text);

        public override ActivityResult Execute(ActivityContext context)
        {
            var values = context.Values;
            foreach (var (outcome, when) in conditions)
            {
                if (when.Evaluate(values))
                {
                    return ActivityResult.Next(outcome, $"decision:{Node.Id}:{outcome} when {when.Text}");
                }
            }

            return ActivityResult.Next(fallback, $"decision:{Node.Id}:default");
        }
    }
}
