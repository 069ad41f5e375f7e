using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// A request that could not be read (malformed JSON, a value of the wrong form, an unknown property, a route or query
/// parameter that is not a number …) as a 400 that names the field and the form it expects, in "中文 / English", without
/// .NET type names. The expected form comes from the endpoint's body type, walked along the JSON path of the error.
/// </summary>
public static partial class BindingProblems
{
    public static HttpValidationProblemDetails From(HttpContext http, Exception exception, int status)
    {
        var (field, message) = exception switch
        {
            JsonException json => Json(http, json),
            BadHttpRequestException { InnerException: JsonException json } => Json(http, json),
            BadHttpRequestException bad => Parameter(bad),
            _ => ("", "请求无法读取 / The request could not be read."),
        };

        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = "请求无效 / The request is invalid.",
            Detail = message,
            Type = ProblemExceptionHandler.TypeBase + "bad-request",
        };
    }

    private static (string Field, string Message) Json(HttpContext http, JsonException json)
    {
        if (UnmappedProperty().Match(json.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            return (name, $"{name} 不是此请求的字段 / '{name}' is not a field of this request.");
        }

        var path = json.Path;
        // The exception handler clears the endpoint before it runs; the feature keeps it.
        var endpoint = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (path is not null && Converted().IsMatch(json.Message))
        {
            var field = path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path[1..];
            var (zh, en) = bodyType is null ? ("正确的格式", "in the expected form") : Form(TypeAt(bodyType, path));
            return field.Length == 0
                ? ("", $"请求正文应为{zh} / The body must be {en}.")
                : (field, $"{field} 应为{zh} / '{field}' must be {en}.");
        }

        var where = json.LineNumber is { } line ? $"（第 {line + 1} 行第 {json.BytePositionInLine + 1} 个字节附近）" : "";
        var whereEn = json.LineNumber is { } l ? $" (near line {l + 1}, byte {json.BytePositionInLine + 1})" : "";
        return ("", $"请求正文不是有效的 JSON{where} / The body is not valid JSON{whereEn}.");
    }

    private static (string Field, string Message) Parameter(BadHttpRequestException bad)
    {
        if (FailedToBind().Match(bad.Message) is { Success: true } failed)
        {
            var name = failed.Groups["name"].Value;
            var (zh, en) = FormOfName(failed.Groups["type"].Value);
            return (name, $"{name} 应为{zh}，而不是 \"{failed.Groups["value"].Value}\" / '{name}' must be {en}, not \"{failed.Groups["value"].Value}\".");
        }

        if (NoBody().IsMatch(bad.Message))
        {
            return ("", "请求正文为空，应为 JSON / The request has no body; JSON is expected.");
        }

        if (Required().Match(bad.Message) is { Success: true } required)
        {
            var name = required.Groups["name"].Value;
            return (name, $"缺少 {name} / '{name}' is required.");
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType || MediaType().IsMatch(bad.Message))
        {
            return ("", "请求正文应为 JSON（Content-Type: application/json）/ The body must be JSON (Content-Type: application/json).");
        }

        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ("", $"请求正文超过 {GridCaseApp.MaxRequestBodyBytes / 1024} KB / The body is larger than {GridCaseApp.MaxRequestBodyBytes / 1024} KB.");
        }

        return ("", "请求无法读取 / The request could not be read.");
    }

    /// <summary>The type found at a JSON path (<c>$.location.latitude</c>, <c>$.items[0].code</c>) of <paramref name="root"/>.</summary>
    private static Type? TypeAt(Type root, string path)
    {
        Type? type = root;
        foreach (Match segment in PathSegment().Matches(path))
        {
            type = Nullable.GetUnderlyingType(type!) ?? type;
            if (segment.Groups["index"].Success)
            {
                type = ElementType(type!);
            }
            else
            {
                var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
                type = DictionaryValueType(type!) ?? type!.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .FirstOrDefault(p => string.Equals(p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, name, StringComparison.OrdinalIgnoreCase))
                    ?.PropertyType;
            }

            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? DictionaryValueType(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))?.GetGenericArguments()[1];

    /// <summary>The form a value of <paramref name="type"/> takes in JSON, in Chinese and English.</summary>
    public static (string Zh, string En) Form(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => ("正确的格式", "in the expected form"),
            _ when type == typeof(string) => ("文本", "text"),
            _ when type == typeof(bool) => ("true 或 false", "true or false"),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => ("整数", "a whole number"),
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => ("数字", "a number"),
            _ when type == typeof(Guid) => ("UUID（如 3fa85f64-5717-4562-b3fc-2c963f66afa6）", "a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6"),
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => ("ISO 8601 时间（如 2026-05-01T08:00:00+08:00）", "an ISO 8601 date and time such as 2026-05-01T08:00:00+08:00"),
            _ when type == typeof(DateOnly) => ("日期（如 2026-05-01）", "a date such as 2026-05-01"),
            _ when type == typeof(TimeOnly) || type == typeof(TimeSpan) => ("时间（如 08:30:00）", "a time such as 08:30:00"),
            _ when type == typeof(JsonElement) => ("JSON 值", "a JSON value"),
            _ when type.IsEnum => ($"以下之一：{string.Join("、", Enum.GetNames(type))}", $"one of {string.Join(", ", Enum.GetNames(type))}"),
            _ when DictionaryValueType(type) is not null => ("JSON 对象", "a JSON object"),
            _ when typeof(IEnumerable).IsAssignableFrom(type) => ("数组", "an array"),
            _ => ("JSON 对象", "a JSON object"),
        };
    }

    private static (string Zh, string En) FormOfName(string typeName) => NullableName().Replace(typeName, "$1").TrimEnd('?') switch
    {
        "int" or "Int32" or "long" or "Int64" or "short" or "Int16" => Form(typeof(int)),
        "decimal" or "double" or "float" or "Decimal" or "Double" or "Single" => Form(typeof(decimal)),
        "bool" or "Boolean" => Form(typeof(bool)),
        "Guid" => Form(typeof(Guid)),
        "DateTimeOffset" or "DateTime" => Form(typeof(DateTimeOffset)),
        "DateOnly" => Form(typeof(DateOnly)),
        "TimeOnly" or "TimeSpan" => Form(typeof(TimeOnly)),
        _ => Form(null),
    };

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"^Nullable<(.+)>$")]
    private static partial Regex NullableName();

    [GeneratedRegex(@"could not be converted to")]
    private static partial Regex Converted();

    [GeneratedRegex("""Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""Required parameter "(?<type>\S+) (?<name>[^"]+)" was not provided""")]
    private static partial Regex Required();

    [GeneratedRegex(@"no body was provided|from body")]
    private static partial Regex NoBody();

    [GeneratedRegex(@"media type|Content-Type", RegexOptions.IgnoreCase)]
    private static partial Regex MediaType();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
