using System.Text.Json;

namespace GridCase.Api.Administration.Units;

/// <summary>
/// A grid's boundary: a GeoJSON (RFC 7946) Polygon or MultiPolygon in WGS-84 — positions are [longitude, latitude]
/// (an altitude may follow), each ring closed (its last position equals its first) with at least four positions.
/// </summary>
public static class GeoJsonBoundary
{
    /// <summary>Large enough for a village outline traced to the metre; an upload of a whole map is refused.</summary>
    public const int MaxLength = 256 * 1024;

    private const string Shape = "边界须为 GeoJSON Polygon 或 MultiPolygon（WGS-84） / boundary must be a GeoJSON Polygon or MultiPolygon (WGS-84)";

    /// <summary>What is wrong with the boundary text, or null when it is a valid polygon.</summary>
    public static string? Problem(string text)
    {
        if (text.Length > MaxLength)
        {
            return $"边界过大（最多 {MaxLength / 1024} KB） / boundary is larger than {MaxLength / 1024} KB.";
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return $"{Shape}: not JSON ({e.Message}).";
        }

        using (document)
        {
            return Problem(document.RootElement);
        }
    }

    private static string? Problem(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            return $"{Shape}: an object with \"type\" and \"coordinates\".";
        }

        return type.GetString() switch
        {
            "Polygon" => Polygon(coordinates, "coordinates"),
            "MultiPolygon" when coordinates.GetArrayLength() == 0 => $"{Shape}: a MultiPolygon needs at least one polygon.",
            "MultiPolygon" => coordinates.EnumerateArray().Select((polygon, i) => Polygon(polygon, $"coordinates[{i}]")).FirstOrDefault(p => p is not null),
            var other => $"{Shape}, not '{other}'.",
        };
    }

    private static string? Polygon(JsonElement polygon, string path)
    {
        if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0)
        {
            return $"{Shape}: {path} must be a list of rings (the outline first, then any holes).";
        }

        var r = 0;
        foreach (var ring in polygon.EnumerateArray())
        {
            if (Ring(ring, $"{path}[{r++}]") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Ring(JsonElement ring, string path)
    {
        if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
        {
            return $"边界的每个环至少需要 4 个点 / boundary ring {path} needs at least 4 positions (closed: the last equals the first).";
        }

        var p = 0;
        foreach (var position in ring.EnumerateArray())
        {
            if (!IsPosition(position))
            {
                return $"边界坐标须为 [经度, 纬度]，经度 -180..180，纬度 -90..90 / boundary position {path}[{p}] must be [longitude, latitude] with longitude in [-180, 180] and latitude in [-90, 90].";
            }

            p++;
        }

        var first = ring[0];
        var last = ring[ring.GetArrayLength() - 1];
        return first[0].GetDouble() == last[0].GetDouble() && first[1].GetDouble() == last[1].GetDouble()
            ? null
            : $"边界的环须闭合（首尾点相同） / boundary ring {path} is not closed: its last position must equal its first.";
    }

    private static bool IsPosition(JsonElement position) =>
        position.ValueKind == JsonValueKind.Array
        && position.GetArrayLength() is 2 or 3
        && position.EnumerateArray().All(n => n.ValueKind == JsonValueKind.Number && double.IsFinite(n.GetDouble()))
        && position[0].GetDouble() is >= -180 and <= 180
        && position[1].GetDouble() is >= -90 and <= 90;
}
