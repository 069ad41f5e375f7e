using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GridCase.Workflows.Journal;

/// <summary>
/// The one way values are written into the journal and read back: objects with keys in ordinal order,
/// integers as <see cref="long"/>, other numbers as <see cref="double"/>. Same value, same text.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Brings a value from any source (JSON, forms, code) to the journal's value types.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string or bool or long => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        double d when double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 1e15 => (long)d,
        double d => d,
        float f => Normalize((double)f),
        decimal m => Normalize((double)m),
        Enum e => e.ToString(),
        DateTime t => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        JsonElement element => FromElement(element),
        IReadOnlyDictionary<string, object?> map => Sorted(map),
        IDictionary<string, object?> map => Sorted(map.AsReadOnly()),
        System.Collections.IEnumerable list => list.Cast<object?>().Select(Normalize).ToList(),
        _ => value.ToString(),
    };

    public static SortedDictionary<string, object?> Sorted(IEnumerable<KeyValuePair<string, object?>> map)
    {
        var sorted = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            sorted[key] = Normalize(value);
        }

        return sorted;
    }

    public static string Write(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteValue(writer, Normalize(value));
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReadOnlyDictionary<string, object?> ReadObject(string json)
    {
        using var document = JsonDocument.Parse(json);
        return (IReadOnlyDictionary<string, object?>)FromElement(document.RootElement)!;
    }

    private static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : Normalize(element.GetDouble()),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.Object => Sorted(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, FromElement(p.Value)))),
        _ => null,
    };

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case SortedDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
