using System.Text.Json;

namespace GridCase.Workflows.Expressions;

/// <summary>
/// The values expressions and tables work on: null, string, bool, long or double. Everything else is brought
/// to one of these (or to null) so that evaluation never meets a type it does not know.
/// </summary>
public static class ExpressionValues
{
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string or bool or long or double => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        sbyte sb => (long)sb,
        ushort us => (long)us,
        uint ui => (long)ui,
        ulong ul => ul <= long.MaxValue ? (long)ul : (double)ul,
        float f => (double)f,
        decimal m => (double)m,
        Enum e => e.ToString(),
        JsonElement json => FromJson(json),
        _ => null,
    };

    /// <summary>A JSON scalar as a value; objects and arrays are not values (null).</summary>
    public static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => json.TryGetInt64(out var whole) ? whole : json.GetDouble(),
        _ => null,
    };

    public static bool IsNumber(object? value) => value is long or double;

    /// <summary>
    /// Equality as expressions and table cells see it: numbers by value (3 equals 3.0), strings ordinally,
    /// bools as bools; <c>null</c> when the two cannot be compared (a null, or different kinds).
    /// </summary>
    public static bool? Equal(object? left, object? right) => (left, right) switch
    {
        (null, _) or (_, null) => null,
        (long a, long b) => a == b,
        (long or double, long or double) => ToDouble(left) == ToDouble(right),
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (bool a, bool b) => a == b,
        _ => null,
    };

    /// <summary>Orders two numbers; <c>null</c> for anything else.</summary>
    public static int? CompareNumbers(object? left, object? right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (long or double, long or double) when !double.IsNaN(ToDouble(left)) && !double.IsNaN(ToDouble(right)) =>
            ToDouble(left).CompareTo(ToDouble(right)),
        _ => null,
    };

    public static double ToDouble(object? number) => number switch
    {
        long l => l,
        double d => d,
        _ => double.NaN,
    };

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Bool => "a bool",
        ValueKind.Int => "an int",
        ValueKind.Number => "a number",
        ValueKind.String => "a string",
        _ => "a value",
    };

    /// <summary>The Chinese of <see cref="Describe(ValueKind)"/>, for the Chinese half of a problem.</summary>
    public static string DescribeChinese(ValueKind kind) => kind switch
    {
        ValueKind.Bool => "布尔值（true 或 false）",
        ValueKind.Int => "整数",
        ValueKind.Number => "数值",
        ValueKind.String => "文字",
        _ => "值",
    };
}
