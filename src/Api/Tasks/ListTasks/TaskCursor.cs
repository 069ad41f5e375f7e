using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace GridCase.Api.Tasks.ListTasks;

/// <summary>
/// Where a page of a queue ended: the sort it was read in and the last row's sort key (due time, opening time, task id).
/// Opaque to callers: base64url of a small JSON object. A cursor is only good for the sort it was made for.
/// </summary>
public sealed record TaskCursor(
    [property: JsonPropertyName("s")] string Sort,
    [property: JsonPropertyName("d")] long? DueTicks,
    [property: JsonPropertyName("o")] long OpenedTicks,
    [property: JsonPropertyName("i")] string TaskId)
{
    public const int MaxLength = 400;

    public DateTime? DueAt => DueTicks is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : null;

    public DateTime OpenedAt => new(OpenedTicks, DateTimeKind.Utc);

    public static TaskCursor After(string sort, DateTime? dueAt, DateTime openedAt, string taskId) =>
        new(sort, dueAt?.Ticks, openedAt.Ticks, taskId);

    public string Encode() => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(this));

    public static bool TryDecode(string? text, [NotNullWhen(true)] out TaskCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        try
        {
            cursor = JsonSerializer.Deserialize<TaskCursor>(Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(text)));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }

        return cursor is { Sort: not null, TaskId: not null, OpenedTicks: >= 0 and <= 3155378975999999999 }
            && cursor.DueTicks is null or (>= 0 and <= 3155378975999999999)
            && TaskSort.All.Contains(cursor.Sort, StringComparer.OrdinalIgnoreCase);
    }
}
