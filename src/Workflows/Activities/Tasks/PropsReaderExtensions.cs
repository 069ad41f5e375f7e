using System.Text.Json;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Tasks;

// Lives beside HumanTask, its largest user, because the folder of PropsReader is not ours to edit; every
// activity folder uses it. It belongs next to PropsReader.
/// <summary>Reads numbers, bools and objects from props, and refuses property names an activity does not know.</summary>
public static class PropsReaderExtensions
{
    public static JsonElement? Object(this PropsReader props, string name, bool required) =>
        Require(props, name, required, JsonValueKind.Object, "对象", "an object");

    public static JsonElement? Array(this PropsReader props, string name, bool required) =>
        Require(props, name, required, JsonValueKind.Array, "数组", "an array");

    /// <summary>A finite number, or null (with a problem when it is required, or present and not a number).</summary>
    public static double? Number(this PropsReader props, string name, bool required) =>
        Require(props, name, required, JsonValueKind.Number, "数值", "a number") is { } value ? value.GetDouble() : null;

    public static bool? Bool(this PropsReader props, string name)
    {
        var value = props.Get(name);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            props.Problem(ProblemCodes.InvalidProperty, $"属性 {name} 须为 true 或 false / property '{name}' must be true or false.");
            return null;
        }

        return value.Value.GetBoolean();
    }

    /// <summary>Adds a problem for each property of the node's props that is not in <paramref name="known"/>.</summary>
    public static void OnlyKnown(this PropsReader props, params IReadOnlyCollection<string> known) =>
        props.OnlyKnown(props.Node.Props, "props", known);

    /// <summary>Adds a problem for each property of <paramref name="element"/> that is not in <paramref name="known"/>.</summary>
    public static void OnlyKnown(this PropsReader props, JsonElement element, string where, params IReadOnlyCollection<string> known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            if (where == "props" && element.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
            {
                props.Problem(ProblemCodes.InvalidProperty, "props 须为对象 / props must be an object.");
            }

            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                var expected = known.Count == 0 ? "none are expected" : $"expected: {string.Join(", ", known)}";
                var expectedChinese = known.Count == 0 ? "此处不应有属性" : $"可用：{string.Join("、", known)}";
                props.Problem(ProblemCodes.InvalidProperty, $"{where} 含未知属性 '{property.Name}'（{expectedChinese}） / {where} has an unknown property '{property.Name}' ({expected}).");
            }
        }
    }

    private static JsonElement? Require(PropsReader props, string name, bool required, JsonValueKind kind, string whatChinese, string what)
    {
        var value = props.Get(name);
        if (value is null)
        {
            if (required)
            {
                props.Problem(ProblemCodes.MissingProperty, $"缺少必填属性 {name} / property '{name}' is required.");
            }

            return null;
        }

        if (value.Value.ValueKind != kind)
        {
            props.Problem(ProblemCodes.InvalidProperty, $"属性 {name} 须为{whatChinese} / property '{name}' must be {what}.");
            return null;
        }

        return value;
    }
}
