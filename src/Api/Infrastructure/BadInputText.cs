using System.Text.Json;
using System.Text.RegularExpressions;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// What a request that cannot be read did wrong, as a "中文 / English" pair naming the field and the form expected
/// ("须为整数 / difficulty must be a whole number."), never the .NET type the framework failed to fill.
/// </summary>
public static partial class BadInputText
{
    /// <summary>The field (a JSON path without <c>$.</c>, or a parameter name; "" for the whole body) and the message.</summary>
    public readonly record struct Problem(string Field, string Message);

    public static Problem Describe(JsonException json)
    {
        var field = FieldOf(json.Path);
        if (UnmappedProperty().Match(json.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            var at = field.Length == 0 || field == name ? name : field;
            return new(at, $"不能包含字段 {at} / {at} is not a field of this request.");
        }

        if (NotConverted().Match(json.Message) is { Success: true } converted)
        {
            var (chinese, english) = Expected(FieldType(converted.Groups["type"].Value, field));
            return field.Length == 0
                ? new(field, $"请求体须为{chinese} / The body must be {english}.")
                : new(field, $"{field} 须为{chinese} / {field} must be {english}.");
        }

        var where = json.LineNumber is { } line ? $"（第 {line + 1} 行，第 {json.BytePositionInLine + 1} 个字节）" : "";
        var whereEnglish = json.LineNumber is { } l ? $" (line {l + 1}, byte {json.BytePositionInLine + 1})" : "";
        return field.Length == 0
            ? new(field, $"请求体不是有效的 JSON{where} / The body is not valid JSON{whereEnglish}.")
            : new(field, $"请求体不是有效的 JSON，问题在 {field}{where} / The body is not valid JSON at {field}{whereEnglish}.");
    }

    /// <summary>A request parameter or body the framework could not read.</summary>
    public static Problem Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            return Describe(json);
        }

        if (Parameter().Match(bad.Message) is { Success: true } parameter)
        {
            var name = parameter.Groups["name"].Value;
            var (chinese, english) = Expected(parameter.Groups["type"].Value);
            return parameter.Groups["verb"].Value == "Required"
                ? new(name, $"请填写 {name} / {name} is required.")
                : new(name, $"{name} 须为{chinese} / {name} must be {english}.");
        }

        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new("", "请求体过大 / The request body is too large.");
        }

        return bad.StatusCode == StatusCodes.Status415UnsupportedMediaType || bad.Message.Contains("JSON media type", StringComparison.Ordinal)
            ? new("", "请求体须为 JSON（Content-Type: application/json）/ The body must be JSON (Content-Type: application/json).")
            : new("", "请求无法读取，请检查请求体 / The request cannot be read; check its body.");
    }

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
    }

    /// <summary>The form a value must have, from the .NET or C# name of the type it was to fill.</summary>
    private static (string Chinese, string English) Expected(string typeName)
    {
        var type = Nullable().Match(typeName) is { Success: true } inner ? inner.Groups["inner"].Value : typeName.TrimEnd('?');
        var simple = type[(type.LastIndexOf('.') + 1)..];
        return simple switch
        {
            "Int32" or "int" or "Int64" or "long" or "Int16" or "short" or "Byte" or "byte" or "UInt32" or "uint" or "UInt64" or "ulong"
                => ("整数", "a whole number"),
            "Double" or "double" or "Single" or "float" or "Decimal" or "decimal" => ("数字", "a number"),
            "Boolean" or "bool" => (" true 或 false", "true or false"),
            "String" or "string" => ("文字（用引号括起）", "text in quotes"),
            "DateTime" or "DateTimeOffset" => ("带时区的日期时间，如 2026-03-01T09:00:00+08:00", "a date and time with its offset, e.g. 2026-03-01T09:00:00+08:00"),
            "DateOnly" => ("日期，如 2026-03-01", "a date, e.g. 2026-03-01"),
            "TimeSpan" => ("时长，如 08:00:00", "a time span, e.g. 08:00:00"),
            "Guid" => ("标识（GUID）", "an id (a GUID)"),
            _ when type.Contains("Dictionary", StringComparison.Ordinal) || simple is "JsonObject" => ("对象（{ … }）", "an object ({ … })"),
            _ when type.Contains("List", StringComparison.Ordinal) || type.Contains("[]", StringComparison.Ordinal)
                || type.Contains("IEnumerable", StringComparison.Ordinal) || simple is "JsonArray" => ("列表（[ … ]）", "a list ([ … ])"),
            _ when FindEnum(type) is { } values => ($"以下之一：{string.Join("、", values)}", $"one of {string.Join(", ", values)}"),
            _ => ("对象（{ … }）", "an object ({ … })"),
        };
    }

    /// <summary>The names of a GridCase enum the value was to fill (the API reads enums by name).</summary>
    private static string[]? FindEnum(string fullName) => FindType(fullName) is { IsEnum: true } type ? Enum.GetNames(type) : null;

    private static Type? FindType(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("GridCase", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(fullName, throwOnError: false))
            .FirstOrDefault(t => t is not null);

    /// <summary>
    /// The type of the field itself: System.Text.Json names the request record when a constructor parameter cannot be
    /// filled, so the field's type is found by following the path through the record's properties.
    /// </summary>
    private static string FieldType(string reported, string field)
    {
        if (field.Length == 0 || FindType(reported) is not { IsClass: true } type)
        {
            return reported;
        }

        foreach (var name in field.Split('.'))
        {
            var property = type.GetProperty(name.Split('[')[0], System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
            if (property is null)
            {
                return reported;
            }

            type = property.PropertyType;
        }

        return (System.Nullable.GetUnderlyingType(type) ?? type).FullName ?? reported;
    }

    [GeneratedRegex(@"could not be converted to (?<type>.+?)\. Path:", RegexOptions.CultureInvariant)]
    private static partial Regex NotConverted();

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"^(?<verb>Failed to bind|Required) parameter ""(?<type>\S+) (?<name>[^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?(?<inner>[^,\]]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Nullable();
}
