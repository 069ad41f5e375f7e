using System.Diagnostics;
using System.Globalization;

namespace GridCase.Domain.Calendar;

/// <summary>
/// The working periods of a working day, in China Standard Time. Each period is half-open,
/// [start, end): at 12:00 the morning period is over. Periods lie within one day (none crosses midnight),
/// are in order and do not overlap; they may touch.
/// </summary>
public sealed class OfficeHours
{
    private readonly (TimeSpan Start, TimeSpan End)[] _spans;

    /// <exception cref="DomainRuleException">
    /// <c>calendar.office-hours</c>: no period, a period that does not start before it ends,
    /// or periods out of order or overlapping.
    /// </exception>
    public OfficeHours(params IReadOnlyList<(TimeOnly Start, TimeOnly End)> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            throw Invalid("Office hours need at least one working period.");
        }

        for (var i = 0; i < periods.Count; i++)
        {
            var (start, end) = periods[i];
            if (start >= end)
            {
                throw Invalid($"The period {Format(periods[i])} must start before it ends.");
            }

            if (i > 0 && start < periods[i - 1].End)
            {
                throw Invalid($"The period {Format(periods[i])} must begin after {Format(periods[i - 1])} ends.");
            }
        }

        Periods = [.. periods];
        _spans = [.. periods.Select(p => (p.Start.ToTimeSpan(), p.End.ToTimeSpan()))];
        DailyWorkingTime = _spans.Aggregate(TimeSpan.Zero, (sum, s) => sum + (s.End - s.Start));
    }

    /// <summary>
    /// 08:30–12:00 and 14:00–17:30, seven hours a day: the usual winter timetable of government offices
    /// in northern China. Offices that switch to a summer timetable (e.g. afternoons 15:00–18:00) configure their own.
    /// </summary>
    public static OfficeHours Default { get; } = new(
        (new TimeOnly(8, 30), new TimeOnly(12, 0)),
        (new TimeOnly(14, 0), new TimeOnly(17, 30)));

    /// <summary>The working periods, in order.</summary>
    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> Periods { get; }

    /// <summary>The working time of one full working day (7 hours by default).</summary>
    public TimeSpan DailyWorkingTime { get; }

    internal TimeSpan Opening => _spans[0].Start;

    /// <summary>The first working moment at or after <paramref name="time"/>, or null once the day's work is over.</summary>
    internal TimeSpan? FirstWorkingMomentFrom(TimeSpan time)
    {
        foreach (var (start, end) in _spans)
        {
            if (time < end)
            {
                return time > start ? time : start;
            }
        }

        return null;
    }

    /// <summary>Working time inside [<paramref name="from"/>, <paramref name="to"/>) of one day.</summary>
    internal TimeSpan WorkingTimeWithin(TimeSpan from, TimeSpan to)
    {
        var total = TimeSpan.Zero;
        foreach (var (start, end) in _spans)
        {
            var overlap = (to < end ? to : end) - (from > start ? from : start);
            if (overlap > TimeSpan.Zero)
            {
                total += overlap;
            }
        }

        return total;
    }

    /// <summary>
    /// The time of day at which <paramref name="amount"/> of work done from the working moment
    /// <paramref name="from"/> is complete; the amount must fit in what is left of the day.
    /// </summary>
    internal TimeSpan Advance(TimeSpan from, TimeSpan amount)
    {
        foreach (var (start, end) in _spans)
        {
            if (end <= from)
            {
                continue;
            }

            var begin = from > start ? from : start;
            if (amount <= end - begin)
            {
                return begin + amount;
            }

            amount -= end - begin;
        }

        throw new UnreachableException("The amount does not fit in the rest of the working day.");
    }

    private static string Format((TimeOnly Start, TimeOnly End) period) =>
        string.Create(CultureInfo.InvariantCulture, $"{period.Start:HH:mm}–{period.End:HH:mm}");

    private static DomainRuleException Invalid(string message) => new("calendar.office-hours", message);
}
