using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridCase.Domain.Calendar;

// Loading the schedules shipped as embedded resources (Calendar/Data/<year>.json), one file per year.
public sealed partial class HolidaySchedule
{
    private const string ResourcePrefix = "GridCase.Domain.Calendar.Data.";
    private const string ResourceSuffix = ".json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        // Stored documents keep their Chinese names readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The years that have a schedule file shipped with the product, ascending.</summary>
    public static IReadOnlyList<int> AvailableYears =>
        [.. typeof(HolidaySchedule).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^ResourceSuffix.Length])
            .Select(y => int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : 0)
            .Where(y => y > 0)
            .Order()];

    /// <summary>Loads the shipped schedule of <paramref name="year"/>.</summary>
    /// <exception cref="KeyNotFoundException">No schedule is shipped for that year.</exception>
    /// <exception cref="DomainRuleException"><c>calendar.schedule</c>: the shipped file is invalid.</exception>
    public static HolidaySchedule Load(int year) =>
        TryLoad(year, out var schedule)
            ? schedule
            : throw new KeyNotFoundException(
                $"No holiday schedule is shipped for {year}; available: {string.Join(", ", AvailableYears)}.");

    /// <summary>Loads the shipped schedule of <paramref name="year"/>, or returns false if there is none.</summary>
    /// <exception cref="DomainRuleException"><c>calendar.schedule</c>: the shipped file is invalid.</exception>
    public static bool TryLoad(int year, [NotNullWhen(true)] out HolidaySchedule? schedule)
    {
        var name = ResourcePrefix + year.ToString(CultureInfo.InvariantCulture) + ResourceSuffix;
        using var stream = typeof(HolidaySchedule).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            schedule = null;
            return false;
        }

        using var reader = new StreamReader(stream);
        schedule = FromJson(reader.ReadToEnd());
        if (schedule.Year != year)
        {
            throw Invalid($"The file for {year} declares year {schedule.Year}.");
        }

        return true;
    }

    /// <summary>
    /// Reads a schedule document: <c>{ "year", "source", "holidays": [{ "date", "name" }], "makeUpWorkdays": [...] }</c>.
    /// </summary>
    /// <exception cref="DomainRuleException"><c>calendar.schedule</c>: malformed JSON or an invalid schedule.</exception>
    public static HolidaySchedule FromJson(string json)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw Invalid($"The schedule document cannot be read: {e.Message}");
        }

        return document is null
            ? throw Invalid("The schedule document is empty.")
            : new HolidaySchedule(document.Year, document.Source, document.Holidays, document.MakeUpWorkdays);
    }

    /// <summary>The schedule as a document <see cref="FromJson"/> reads (the format of the shipped files).</summary>
    public string ToJson() =>
        JsonSerializer.Serialize(new Document(Year, Source, [.. Holidays], [.. MakeUpWorkdays]), JsonOptions);

    private sealed record Document(int Year, string Source, ScheduledDay[] Holidays, ScheduledDay[] MakeUpWorkdays);
}
