using System.Globalization;
using System.Text.Json;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Expressions;

namespace GridCase.Workflows.Activities.Tasks;

public enum FieldType
{
    Int,
    Number,
    String,
    Bool,

    /// <summary>One unit code of the organisation (optionally of one <see cref="UnitKind"/>).</summary>
    Unit,

    /// <summary>A list of unit codes of the organisation, stored in a <c>units</c> variable.</summary>
    Units,
}

/// <summary>
/// One field of a task's form: its type and limits, and for which outcomes it must be filled in
/// (<c>required: true</c> for every outcome, <c>requiredFor</c> for some).
/// </summary>
public sealed record FormField(
    string Name,
    FieldType Type,
    double? Min,
    double? Max,
    int? MaxLength,
    IReadOnlyList<string>? Enum,
    bool Required,
    IReadOnlyList<string> RequiredFor)
{
    /// <summary>For <c>unit</c> and <c>units</c> fields: the kind every unit must be.</summary>
    public UnitKind? UnitKind { get; init; }

    /// <summary>For <c>units</c> fields: how many units at most.</summary>
    public int? MaxItems { get; init; }

    /// <summary>
    /// The value may not equal variable <see cref="NotSameAsRule.Variable"/> unless field <see cref="NotSameAsRule.Unless"/>
    /// is filled in, e.g. a case is not sent back to the unit that returned it unless the dispatcher says why.
    /// </summary>
    public NotSameAsRule? NotSameAs { get; init; }

    public const string Schema =
        """
        {"type":"object","required":["name","type"],"properties":{
        "name":{"type":"string","minLength":1},
        "type":{"enum":["int","number","string","bool","unit","units"]},
        "unitKind":{"title":"单位类型 Unit kind","enum":["Department","Area"]},
        "maxItems":{"title":"最多单位数 At most units","type":"integer","minimum":1},
        "notSameAs":{"title":"不得与变量相同（除非填写理由） Not the same as a variable (unless a reason is given)","type":"object","required":["variable"],"properties":{"variable":{"type":"string","minLength":1},"unless":{"type":"string","minLength":1}},"additionalProperties":false},
        "min":{"type":"number"},"max":{"type":"number"},
        "maxLength":{"type":"integer","minimum":1},
        "enum":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","minLength":1}},
        "required":{"type":"boolean"},
        "requiredFor":{"type":"array","uniqueItems":true,"items":{"type":"string","minLength":1}}},
        "additionalProperties":false}
        """;

    private static readonly string[] Keys = ["name", "type", "min", "max", "maxLength", "enum", "required", "requiredFor", "unitKind", "maxItems", "notSameAs"];

    public bool IsRequiredFor(string outcome) => Required || RequiredFor.Contains(outcome);

    /// <summary>
    /// The submitted value as the field's type (long, double, trimmed string or bool), null when missing
    /// (null, or a blank string), or an error when it is of the wrong type or out of range.
    /// </summary>
    public (object? Value, string? Error) Accept(object? submitted, OrgDirectory? org = null)
    {
        if (Type == FieldType.Units)
        {
            return AcceptUnits(submitted, org);
        }

        var value = ExpressionValues.Normalize(submitted);
        if (value is string text)
        {
            value = text.Trim();
            if (((string)value).Length == 0)
            {
                return (null, null);
            }
        }

        if (value is null)
        {
            return (null, null);
        }

        switch (Type)
        {
            case FieldType.Int:
                if (value is double d && double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 9e15)
                {
                    value = (long)d;
                }

                return value is long whole ? InRange(whole, whole) : (null, $"须为整数 / {Name} must be a whole number.");
            case FieldType.Number:
                return value is long or double && double.IsFinite(ExpressionValues.ToDouble(value))
                    ? InRange(ExpressionValues.ToDouble(value), ExpressionValues.ToDouble(value))
                    : (null, $"须为数字 / {Name} must be a number.");
            case FieldType.Bool:
                return value is bool ? (value, null) : (null, $"须为是或否 / {Name} must be true or false.");
            case FieldType.Unit:
                return value is string code ? CheckUnit(code, org) is { } problem ? (null, UnitProblem(problem)) : (code, null) : (null, $"须为单位代码 / {Name} must be a unit code.");
            default:
                if (value is not string s)
                {
                    return (null, $"须为文字 / {Name} must be text.");
                }

                if (Enum is not null && !Enum.Contains(s, StringComparer.Ordinal))
                {
                    return (null, $"须为以下之一：{string.Join("、", Enum)} / {Name} must be one of {string.Join(", ", Enum)}.");
                }

                // Characters as a reader counts them (a Chinese character is one), not UTF-16 units.
                if (MaxLength is { } max && s.EnumerateRunes().Count() > max)
                {
                    return (null, $"最多 {max} 个字 / {Name} must be at most {max} characters long.");
                }

                return (s, null);
        }
    }

    private (object? Value, string? Error) AcceptUnits(object? submitted, OrgDirectory? org)
    {
        if (submitted is null)
        {
            return (null, null);
        }

        if (submitted is string || submitted is not System.Collections.IEnumerable list)
        {
            return (null, $"须为单位代码列表 / {Name} must be a list of unit codes.");
        }

        var codes = new List<object?>();
        foreach (var item in list)
        {
            if (ExpressionValues.Normalize(item) is not string text || text.Trim().Length == 0)
            {
                return (null, $"须为单位代码列表 / {Name} must be a list of unit codes.");
            }

            var code = text.Trim();
            if (CheckUnit(code, org) is { } problem)
            {
                return (null, UnitProblem(problem));
            }

            if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        if (MaxItems is { } max && codes.Count > max)
        {
            return (null, $"最多选择 {max} 个单位 / {Name} must name at most {max} units.");
        }

        return codes.Count == 0 ? (null, null) : (codes, null);
    }

    private string UnitProblem((string Chinese, string English) problem) => $"{problem.Chinese} / {Name}: {problem.English}";

    /// <summary>Why <paramref name="code"/> is not an acceptable unit (in Chinese and in English), or null when it is.</summary>
    private (string Chinese, string English)? CheckUnit(string code, OrgDirectory? org)
    {
        if (!UnitCode.TryParse(code, out var parsed))
        {
            return ($"{code} 不是单位代码", $"'{code}' is not a unit code.");
        }

        if (org is not null)
        {
            if (org.Find(parsed) is not { } unit)
            {
                return ($"单位 {code} 不存在", $"unit '{code}' does not exist.");
            }

            if (UnitKind is { } kind && unit.Kind != kind)
            {
                return kind == Domain.Organisation.UnitKind.Department
                    ? ($"{unit.Name} 不是职能部门", $"unit '{code}' is not a department.")
                    : ($"{unit.Name} 不是属地单位", $"unit '{code}' is not an area.");
            }
        }

        return null;
    }

    private (object? Value, string? Error) InRange(object value, double number)
    {
        if (Min is { } min && number < min)
        {
            return (null, $"不能小于 {min.ToString(CultureInfo.InvariantCulture)} / {Name} must be at least {min.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (Max is { } max && number > max)
        {
            return (null, $"不能大于 {max.ToString(CultureInfo.InvariantCulture)} / {Name} must be at most {max.ToString(CultureInfo.InvariantCulture)}.");
        }

        return (value, null);
    }

    /// <summary>The value to store in a variable of <paramref name="type"/> (an int field may fill a number variable).</summary>
    public static object ForVariable(object value, VariableType type) =>
        type == VariableType.Number && value is long whole ? (double)whole : value;

    /// <summary>Reads the optional <c>fields</c> property; <paramref name="outcomes"/> is null when they could not be read.</summary>
    public static IReadOnlyList<FormField>? ReadAll(
        PropsReader props, IReadOnlyList<string>? outcomes, IReadOnlyDictionary<string, VariableType> variables)
    {
        if (props.Array("fields", required: false) is not { } array)
        {
            return props.Get("fields") is null ? [] : null;
        }

        var fields = new List<FormField>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (Read(props, element, $"fields[{index++}]", outcomes, variables) is { } field)
            {
                if (fields.Any(f => f.Name == field.Name))
                {
                    props.Problem(ProblemCodes.InvalidProperty, $"表单字段 '{field.Name}' 重复声明 / field '{field.Name}' is declared twice.");
                }

                fields.Add(field);
            }
        }

        return fields;
    }

    private static FormField? Read(
        PropsReader props, JsonElement element, string path, IReadOnlyList<string>? outcomes, IReadOnlyDictionary<string, VariableType> variables)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            props.Problem(ProblemCodes.InvalidProperty, $"{path} 须为含 name 和 type 的对象 / {path} must be an object with a name and a type.");
            return null;
        }

        var failedBefore = props.Failed;
        var ok = true;
        void Problem(string code, string message)
        {
            ok = false;
            props.Problem(code, message);
        }

        props.OnlyKnown(element, path, Keys);
        ok = props.Failed == failedBefore;
        var name = element.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.GetString())
            ? n.GetString()!.Trim()
            : null;
        if (name is null)
        {
            Problem(ProblemCodes.MissingProperty, $"{path} 缺少 name / {path} needs a name.");
            return null;
        }

        path = $"field '{name}'";
        var typeText = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        FieldType? type = typeText switch
        {
            "int" => FieldType.Int,
            "number" => FieldType.Number,
            "string" => FieldType.String,
            "bool" => FieldType.Bool,
            "unit" => FieldType.Unit,
            "units" => FieldType.Units,
            _ => null,
        };
        if (type is null)
        {
            Problem(typeText is null ? ProblemCodes.MissingProperty : ProblemCodes.InvalidProperty, $"{path} 缺少 type，可为 int、number、string、bool、unit 或 units / {path} needs a type: int, number, string, bool, unit or units.");
            return null;
        }

        var numeric = type is FieldType.Int or FieldType.Number;
        double? Bound(string key)
        {
            if (!element.TryGetProperty(key, out var value))
            {
                return null;
            }

            if (!numeric || value.ValueKind != JsonValueKind.Number)
            {
                Problem(ProblemCodes.InvalidProperty, numeric ? $"{path}：{key} 须为数值 / {path}: {key} must be a number." : $"{path}：{key} 仅用于 int 和 number 字段 / {path}: {key} applies to int and number fields only.");
                return null;
            }

            return value.GetDouble();
        }

        var min = Bound("min");
        var max = Bound("max");
        if (min > max)
        {
            Problem(ProblemCodes.InvalidProperty, $"{path}：min 不得大于 max / {path}: min must not be above max.");
        }

        int? maxLength = null;
        if (element.TryGetProperty("maxLength", out var ml))
        {
            if (type != FieldType.String || ml.ValueKind != JsonValueKind.Number || !ml.TryGetInt32(out var length) || length < 1)
            {
                Problem(ProblemCodes.InvalidProperty, $"{path}：maxLength 须为大于零的整数，仅用于 string 字段 / {path}: maxLength is a whole number above zero, for string fields only.");
            }
            else
            {
                maxLength = length;
            }
        }

        List<string>? values = null;
        if (element.TryGetProperty("enum", out var e))
        {
            values = e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
                ? e.EnumerateArray().Select(v => v.GetString()!.Trim()).ToList()
                : null;
            if (type != FieldType.String || values is not { Count: > 0 } || values.Distinct(StringComparer.Ordinal).Count() != values.Count)
            {
                Problem(ProblemCodes.InvalidProperty, $"{path}：enum 须为互不相同的非空文字列表，仅用于 string 字段 / {path}: enum is a list of distinct non-empty strings, for string fields only.");
            }
        }

        var required = false;
        if (element.TryGetProperty("required", out var r))
        {
            if (r.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Problem(ProblemCodes.InvalidProperty, $"{path}：required 须为 true 或 false / {path}: required must be true or false.");
            }
            else
            {
                required = r.GetBoolean();
            }
        }

        var requiredFor = new List<string>();
        if (element.TryGetProperty("requiredFor", out var rf))
        {
            if (rf.ValueKind != JsonValueKind.Array || rf.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            {
                Problem(ProblemCodes.InvalidProperty, $"{path}：requiredFor 须为结果列表 / {path}: requiredFor must be a list of outcomes.");
            }
            else
            {
                requiredFor = rf.EnumerateArray().Select(v => v.GetString()!).ToList();
                foreach (var outcome in requiredFor.Where(o => outcomes is not null && !outcomes.Contains(o)))
                {
                    Problem(ProblemCodes.InvalidProperty, $"{path}：requiredFor 中的 '{outcome}' 不是本任务的结果 / {path}: requiredFor names '{outcome}', which is not one of the outcomes.");
                }

                if (required && requiredFor.Count > 0)
                {
                    Problem(ProblemCodes.InvalidProperty, $"{path}：required（所有结果必填）与 requiredFor（部分结果必填）只能用其一 / {path}: use either required (every outcome) or requiredFor (some outcomes), not both.");
                }
            }
        }

        UnitKind? unitKind = null;
        if (element.TryGetProperty("unitKind", out var uk))
        {
            if (type is not (FieldType.Unit or FieldType.Units) || uk.ValueKind != JsonValueKind.String
                || !System.Enum.TryParse<UnitKind>(uk.GetString(), ignoreCase: false, out var parsedKind) || !System.Enum.IsDefined(parsedKind))
            {
                Problem(ProblemCodes.InvalidProperty, $"{path}：unitKind 须为 Department 或 Area，仅用于 unit 和 units 字段 / {path}: unitKind is Department or Area, for unit and units fields only.");
            }
            else
            {
                unitKind = parsedKind;
            }
        }

        int? maxItems = null;
        if (element.TryGetProperty("maxItems", out var mi))
        {
            if (type != FieldType.Units || mi.ValueKind != JsonValueKind.Number || !mi.TryGetInt32(out var most) || most < 1)
            {
                Problem(ProblemCodes.InvalidProperty, $"{path}：maxItems 须为大于零的整数，仅用于 units 字段 / {path}: maxItems is a whole number above zero, for units fields only.");
            }
            else
            {
                maxItems = most;
            }
        }

        if (variables.TryGetValue(name, out var variableType) && !Fits(type.Value, variableType))
        {
            Problem(ProblemCodes.InvalidProperty, $"{path} 的类型是 {typeText}，但变量 '{name}' 是 {variableType.ToString().ToLowerInvariant()} / {path} is {typeText} but variable '{name}' is {variableType.ToString().ToLowerInvariant()}.");
        }

        NotSameAsRule? notSameAs = null;
        if (element.TryGetProperty("notSameAs", out var rule))
        {
            var variable = rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty("variable", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var unless = rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty("unless", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            if (variable is null || !variables.ContainsKey(variable))
            {
                Problem(ProblemCodes.UnknownVariable, $"{path}：notSameAs.variable 须为已声明的变量 / {path}: notSameAs.variable must name a declared variable.");
            }
            else
            {
                notSameAs = new NotSameAsRule(variable, unless);
            }
        }

        return ok ? new FormField(name, type.Value, min, max, maxLength, values, required, requiredFor) { UnitKind = unitKind, MaxItems = maxItems, NotSameAs = notSameAs } : null;
    }

    private static bool Fits(FieldType field, VariableType variable) => (field, variable) switch
    {
        (FieldType.Int, VariableType.Int or VariableType.Number) => true,
        (FieldType.Number, VariableType.Number) => true,
        (FieldType.String or FieldType.Unit, VariableType.String) => true,
        (FieldType.Bool, VariableType.Bool) => true,
        (FieldType.Units, VariableType.Units) => true,
        _ => false,
    };
}

/// <summary>A field's value may not equal <paramref name="Variable"/> unless the field <paramref name="Unless"/> is filled in.</summary>
public sealed record NotSameAsRule(string Variable, string? Unless);
