using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Journal;

namespace GridCase.Persistence.Workflows;

internal sealed class UnitCodeJsonConverter : JsonConverter<UnitCode>
{
    public override UnitCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        UnitCode.Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, UnitCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

/// <summary>
/// Variables hold null, string, bool, long, double, lists and string-keyed maps of those (the journal's value
/// types, <see cref="CanonicalJson"/>). Unlike the journal's canonical text, a double stays a double even when
/// it is whole (2.0 is written "2.0"), so a state reads back exactly as it was committed. Nested maps read back
/// as ordinal <see cref="SortedDictionary{TKey,TValue}"/>, lists as <see cref="List{T}"/>, as CanonicalJson reads them.
/// </summary>
internal sealed class VariablesJsonConverter : JsonConverter<ImmutableSortedDictionary<string, object?>>
{
    public override ImmutableSortedDictionary<string, object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in ReadObject(ref reader))
        {
            builder[key] = value;
        }

        return builder.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, object?> value, JsonSerializerOptions options) =>
        WriteValue(writer, value);

    private static SortedDictionary<string, object?> ReadObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object of variables.");
        }

        var map = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = ReadValue(ref reader);
        }

        return map;
    }

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var whole) ? whole : (object)reader.GetDouble();
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(ReadValue(ref reader));
                }

                return list;
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            default:
                throw new JsonException($"Unexpected {reader.TokenType} in a variable value.");
        }
    }

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
                WriteDouble(writer, d);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map is ImmutableSortedDictionary<string, object?> or SortedDictionary<string, object?>
                             ? map
                             : map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IDictionary other:
                writer.WriteStartObject();
                foreach (var entry in other.Cast<DictionaryEntry>().OrderBy(e => e.Key.ToString(), StringComparer.Ordinal))
                {
                    writer.WritePropertyName(entry.Key.ToString() ?? "");
                    WriteValue(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                // int, decimal, DateTime, enums…: stored as the journal would record them.
                var normalized = CanonicalJson.Normalize(value);
                if (normalized is null || normalized.GetType() == value.GetType())
                {
                    writer.WriteStringValue(value.ToString());
                }
                else
                {
                    WriteValue(writer, normalized);
                }

                break;
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new JsonException($"A variable holds {value}, which JSON cannot store.");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.AsSpan().IndexOfAny('.', 'E', 'e') < 0)
        {
            text += ".0";
        }

        writer.WriteRawValue(text);
    }
}

/// <summary>
/// Immutable sorted maps with string keys and sorted string sets come back with the ordinal comparer the
/// engine builds them with (the serializer's default would be culture-sensitive).
/// </summary>
internal sealed class OrdinalSortedJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert == typeof(ImmutableSortedSet<string>)
        || (typeToConvert.IsGenericType
            && typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableSortedDictionary<,>)
            && typeToConvert.GetGenericArguments()[0] == typeof(string));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeToConvert == typeof(ImmutableSortedSet<string>)
            ? new SetConverter()
            : (JsonConverter)Activator.CreateInstance(typeof(MapConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[1]))!;

    private sealed class SetConverter : JsonConverter<ImmutableSortedSet<string>>
    {
        public override ImmutableSortedSet<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ImmutableSortedSet.CreateRange(StringComparer.Ordinal, JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, ImmutableSortedSet<string> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }
    }

    private sealed class MapConverter<TValue> : JsonConverter<ImmutableSortedDictionary<string, TValue>>
    {
        public override ImmutableSortedDictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Expected an object.");
            }

            var builder = ImmutableSortedDictionary.CreateBuilder<string, TValue>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                reader.Read();
                builder[key] = JsonSerializer.Deserialize<TValue>(ref reader, options)!;
            }

            return builder.ToImmutable();
        }

        public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, TValue> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, item) in value)
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndObject();
        }
    }
}
