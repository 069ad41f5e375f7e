using System.Text.Json;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities;

/// <summary>Reads a node's props, turning every mistake into a problem that names the node and the property.</summary>
public sealed class PropsReader(NodeDefinition node, ICollection<DefinitionProblem> problems)
{
    public NodeDefinition Node { get; } = node;

    public bool Failed { get; private set; }

    /// <summary>A problem of this node; a "中文 / English" <paramref name="message"/> names the node in both halves.</summary>
    public void Problem(string code, string message)
    {
        Failed = true;
        var pair = ProblemCodes.PairSeparatorAt(message);
        var text = pair >= 0
            ? $"{Node.Id}：{message[..pair]} / {Node.Id}: {message[(pair + ProblemCodes.PairSeparator.Length)..]}"
            : $"{Node.Id}: {message}";
        problems.Add(DefinitionProblem.ForNode(code, Node.Id, text));
    }

    public JsonElement? Get(string name) =>
        Node.Props.ValueKind == JsonValueKind.Object && Node.Props.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public string? String(string name, bool required)
    {
        var value = Get(name);
        if (value is null)
        {
            if (required)
            {
                Problem(ProblemCodes.MissingProperty, $"缺少必填属性 {name} / property '{name}' is required.");
            }

            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.Value.GetString()))
        {
            Problem(ProblemCodes.InvalidProperty, $"属性 {name} 须为非空文字 / property '{name}' must be a non-empty string.");
            return null;
        }

        return value.Value.GetString();
    }

    public IReadOnlyList<string>? Strings(string name, bool required)
    {
        var value = Get(name);
        if (value is null)
        {
            if (required)
            {
                Problem(ProblemCodes.MissingProperty, $"缺少必填属性 {name} / property '{name}' is required.");
            }

            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Array
            || value.Value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString())))
        {
            Problem(ProblemCodes.InvalidProperty, $"属性 {name} 须为非空文字的数组 / property '{name}' must be an array of non-empty strings.");
            return null;
        }

        var list = value.Value.EnumerateArray().Select(e => e.GetString()!).ToList();
        if (list.Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            Problem(ProblemCodes.InvalidProperty, $"属性 {name} 含重复的值 / property '{name}' repeats a value.");
            return null;
        }

        return list;
    }
}
