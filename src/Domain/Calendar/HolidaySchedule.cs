using System.Globalization;

namespace GridCase.Domain.Calendar;

/// <summary>
/// One year of the State Council's holiday arrangement (国务院办公厅关于部分节假日安排的通知): every day off,
/// weekend days inside a holiday block included, and every make-up working day (调休上班).
/// Days the schedule does not name follow the ordinary week.
/// </summary>
public sealed partial class HolidaySchedule
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;

    /// <summary>Builds a schedule and checks it.</summary>
    /// <exception cref="DomainRuleException">
    /// <c>calendar.schedule</c>: a date outside <paramref name="year"/>, a date listed twice or in both lists,
    /// a make-up workday that is not a Saturday or Sunday, a missing name or source.
    /// </exception>
    public HolidaySchedule(int year, string source, IEnumerable<ScheduledDay> holidays, IEnumerable<ScheduledDay> makeUpWorkdays)
    {
        if (year is < 1 or > 9999)
        {
            throw Invalid($"{year} is not a calendar year.");
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            throw Invalid($"The {year} schedule must name its source (the notice it was taken from).");
        }

        Year = year;
        Source = source.Trim();
        Holidays = Checked(year, "holiday", holidays);
        MakeUpWorkdays = Checked(year, "make-up workday", makeUpWorkdays);
        _holidays = [.. Holidays.Select(d => d.Date)];
        _makeUpWorkdays = [.. MakeUpWorkdays.Select(d => d.Date)];

        var both = MakeUpWorkdays.FirstOrDefault(d => _holidays.Contains(d.Date));
        if (both != default)
        {
            throw Invalid($"{Iso(both.Date)} is listed both as a holiday and as a make-up workday.");
        }

        var weekday = MakeUpWorkdays.FirstOrDefault(d => !IsWeekend(d.Date));
        if (weekday != default)
        {
            throw Invalid($"Make-up workday {Iso(weekday.Date)} is a {weekday.Date.DayOfWeek}; only a Saturday or Sunday can be made a workday.");
        }
    }

    public int Year { get; }

    /// <summary>The notice this schedule was taken from, with its document number.</summary>
    public string Source { get; }

    /// <summary>Every day off, in date order.</summary>
    public IReadOnlyList<ScheduledDay> Holidays { get; }

    /// <summary>Every Saturday or Sunday that is a working day, in date order.</summary>
    public IReadOnlyList<ScheduledDay> MakeUpWorkdays { get; }

    public bool IsHoliday(DateOnly day) => _holidays.Contains(day);

    public bool IsMakeUpWorkday(DateOnly day) => _makeUpWorkdays.Contains(day);

    internal static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static ScheduledDay[] Checked(int year, string kind, IEnumerable<ScheduledDay>? days)
    {
        var sorted = (days ?? throw Invalid($"The {year} schedule has no {kind} list.")).OrderBy(d => d.Date).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            var day = sorted[i];
            if (day.Date.Year != year)
            {
                throw Invalid($"The {kind} {Iso(day.Date)} is not in {year}.");
            }

            if (string.IsNullOrWhiteSpace(day.Name))
            {
                throw Invalid($"The {kind} {Iso(day.Date)} has no name.");
            }

            if (i > 0 && sorted[i - 1].Date == day.Date)
            {
                throw Invalid($"The {kind} {Iso(day.Date)} is listed twice.");
            }
        }

        return sorted;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DomainRuleException Invalid(string message) => new("calendar.schedule", message);
}
