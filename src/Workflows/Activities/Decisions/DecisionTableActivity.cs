using System.Text.Json;
using GridCase.Workflows.Activities.Tasks;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Expressions;

namespace GridCase.Workflows.Activities.Decisions;

/// <summary>
/// Rows over inputs (difficulty, scope, category, channel, variables) → an outcome and outputs (variables such as
/// a target level or a time limit); the first row that matches decides, else the default.
/// </summary>
public sealed class DecisionTableActivity : IActivity
{
    public string Type => "DecisionTable";

    public ActivityDescriptor Descriptor { get; } = new(
        "DecisionTable", "决策表", "Decision table", "Decisions",
        "Rows over inputs such as difficulty, scope, category and channel; the first matching row chooses its outcome and sets its outputs. Gaps and overlaps are reported.",
        """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","required":["inputs","rows"],
        "$defs":{
        "plain":{"anyOf":[{"type":"string","minLength":1},{"type":"number"},{"type":"boolean"}]},
        "cell":{"anyOf":[{"$ref":"#/$defs/plain"},{"type":"array","minItems":1,"items":{"$ref":"#/$defs/plain"}}],
        "description":"\"*\" = any; a value = equals; a list = any of; \"1..2\" = inclusive range; \">=3\", \">3\", \"<=2\", \"<2\" compare numbers"}},
        "properties":{
        "inputs":{"title":"输入 Inputs","type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","minLength":1},"examples":[["difficulty","scope"]]},
        "rows":{"title":"规则行 Rows","type":"array","minItems":1,"items":{"type":"object","required":["id","outcome"],"properties":{
        "id":{"title":"行号 Row id","type":"string","minLength":1},
        "when":{"title":"条件 Cells","type":"object","additionalProperties":{"$ref":"#/$defs/cell"}},
        "outcome":{"title":"结果 Outcome","type":"string","minLength":1},
        "outputs":{"title":"输出变量 Outputs","type":"object","additionalProperties":{"type":["string","number","boolean","null"]}}},
        "additionalProperties":false}},
        "default":{"title":"默认结果 Default outcome","type":"string","minLength":1}},
        "additionalProperties":false}
        """,
        [], OutcomesFromProps: "rows[].outcome,default");

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        props.OnlyKnown("inputs", "rows", "default");
        var fallback = props.String("default", required: false);
        var inputs = props.Strings("inputs", required: true);
        var types = NameTypes.For(context);
        if (inputs is { Count: 0 })
        {
            props.Problem(ProblemCodes.InvalidProperty, "决策表至少需要一个输入 / a table needs at least one input.");
        }

        foreach (var unknown in inputs?.Where(i => !types.ContainsKey(i)) ?? [])
        {
            props.Problem(ProblemCodes.UnknownVariable, $"输入 '{unknown}' 既不是已声明的变量，也不是案卷事实（{string.Join("、", types.Keys.Order(StringComparer.Ordinal))}） / input '{unknown}' is neither a declared variable nor a case fact ({string.Join(", ", types.Keys.Order(StringComparer.Ordinal))}).");
        }

        var rowsElement = props.Array("rows", required: true);
        if (props.Failed || inputs is null || rowsElement is null)
        {
            return null;
        }

        var kinds = inputs.Select(i => types[i]).ToList();
        var rows = new List<TableRow>();
        var index = 0;
        foreach (var element in rowsElement.Value.EnumerateArray())
        {
            if (ReadRow(props, element, $"rows[{index++}]", inputs, kinds, context.Variables) is { } row)
            {
                if (rows.Any(r => r.Id == row.Id))
                {
                    props.Problem(ProblemCodes.InvalidProperty, $"行标识 '{row.Id}' 重复使用 / row id '{row.Id}' is used twice.");
                }

                rows.Add(row);
            }
        }

        if (index == 0)
        {
            props.Problem(ProblemCodes.InvalidProperty, "决策表至少需要一行 / a table needs at least one row.");
        }

        return props.Failed ? null : new Compiled(node, inputs, kinds, rows, fallback);
    }

    private static TableRow? ReadRow(
        PropsReader props, JsonElement element, string path, IReadOnlyList<string> inputs, IReadOnlyList<ValueKind> kinds,
        IReadOnlyDictionary<string, VariableType> variables)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            props.Problem(ProblemCodes.InvalidProperty, $"{path} 须为含 id、条件（'when'）和 outcome 的对象 / {path} must be an object with an id, cells ('when') and an outcome.");
            return null;
        }

        props.OnlyKnown(element, path, "id", "when", "outcome", "outputs");
        var id = Text(element, "id");
        if (id is null)
        {
            props.Problem(ProblemCodes.MissingProperty, $"{path} 缺少 id / {path} needs an id.");
            return null;
        }

        path = $"row '{id}'";
        var ok = true;
        var outcome = Text(element, "outcome");
        if (outcome is null)
        {
            props.Problem(ProblemCodes.MissingProperty, $"{path} 缺少结果（outcome） / {path} needs an outcome.");
            ok = false;
        }

        var cells = inputs.Select(_ => TableCell.Any).ToArray();
        if (element.TryGetProperty("when", out var when) && when.ValueKind != JsonValueKind.Null)
        {
            if (when.ValueKind != JsonValueKind.Object)
            {
                props.Problem(ProblemCodes.InvalidProperty, $"{path}：when 须为“输入 → 单元格”形式的对象 / {path}: when must be an object of input → cell.");
                return null;
            }

            foreach (var cell in when.EnumerateObject())
            {
                var i = Enumerable.Range(0, inputs.Count).FirstOrDefault(k => inputs[k] == cell.Name, -1);
                if (i < 0)
                {
                    props.Problem(ProblemCodes.InvalidProperty, $"{path}：'{cell.Name}' 不是输入之一（{string.Join("、", inputs)}） / {path}: '{cell.Name}' is not one of the inputs ({string.Join(", ", inputs)}).");
                    ok = false;
                    continue;
                }

                var read = TableCell.Read(props, cell.Value, cell.Name, kinds[i], TableAnalysis.FixedDomains.GetValueOrDefault(cell.Name), $"{path}, {cell.Name}");
                ok &= read is not null;
                cells[i] = read ?? TableCell.Any;
            }
        }

        var outputs = new List<KeyValuePair<string, object?>>();
        if (element.TryGetProperty("outputs", out var outputsElement) && outputsElement.ValueKind != JsonValueKind.Null)
        {
            if (outputsElement.ValueKind != JsonValueKind.Object)
            {
                props.Problem(ProblemCodes.InvalidProperty, $"{path}：outputs 须为“变量 → 值”形式的对象 / {path}: outputs must be an object of variable → value.");
                return null;
            }

            foreach (var output in outputsElement.EnumerateObject())
            {
                if (!variables.TryGetValue(output.Name, out var type))
                {
                    props.Problem(ProblemCodes.UnknownVariable, $"{path}：输出 '{output.Name}' 不是已声明的变量 / {path}: output '{output.Name}' is not a declared variable.");
                    ok = false;
                    continue;
                }

                var value = NameTypes.Coerce(ExpressionValues.FromJson(output.Value), type);
                if (value is null && output.Value.ValueKind != JsonValueKind.Null)
                {
                    props.Problem(ProblemCodes.InvalidProperty, $"{path}：输出 {output.Name} = {output.Value.GetRawText()} 不是{ExpressionValues.DescribeChinese(NameTypes.KindOf(type))} / {path}: output {output.Name} = {output.Value.GetRawText()} is not {ExpressionValues.Describe(NameTypes.KindOf(type))}.");
                    ok = false;
                    continue;
                }

                outputs.Add(new(output.Name, value));
            }
        }

        return ok ? new TableRow(id, cells, outcome!, outputs) : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private sealed class Compiled(NodeDefinition node, IReadOnlyList<string> inputs, IReadOnlyList<ValueKind> kinds, IReadOnlyList<TableRow> rows, string? fallback)
        : CompiledActivity(node)
    {
        public override IReadOnlyList<string> Outcomes { get; } =
            rows.Select(r => r.Outcome).Concat(fallback is null ? [] : [fallback]).Distinct(StringComparer.Ordinal).ToList();

        public override IEnumerable<DefinitionProblem> Check() => TableAnalysis.Check(Node.Id, inputs, kinds, rows, fallback is not null);

        public override ActivityResult Execute(ActivityContext context)
        {
            var values = context.Values;
            var row = inputs.Select(i => values.GetValueOrDefault(i)).ToList();
            foreach (var candidate in rows)
            {
                if (candidate.Matches(row))
                {
                    return new ActivityResult.Continue(
                        [candidate.Outcome],
                        [.. candidate.Outputs.Select(o => new SetVariable(o.Key, o.Value))],
                        $"table:{Node.Id}:{candidate.Id}");
                }
            }

            return fallback is null
                ? ActivityResult.Fault($"{Node.Id}: no row matches {string.Join(", ", inputs.Select((input, i) => $"{input} = {ExpressionValues.Describe(ExpressionValues.Normalize(row[i]))}"))} and the table has no default.")
                : ActivityResult.Next(fallback, $"table:{Node.Id}:default");
        }
    }
}
