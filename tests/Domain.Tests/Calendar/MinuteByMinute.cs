using GridCase.Domain.Calendar;

namespace GridCase.Domain.Tests.Calendar;

/// <summary>
/// A deliberately naive model of working time that the calendar's arithmetic is checked against:
/// it walks one minute at a time and asks only <see cref="WorkingCalendar.IsWorkingDay"/> and the office hours.
/// Inputs must be whole minutes.
/// </summary>
internal static class MinuteByMinute
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public static DateTimeOffset Add(WorkingCalendar calendar, DateTimeOffset start, TimeSpan amount)
    {
        var time = start;
        var counted = TimeSpan.Zero;
        while (counted < amount)
        {
            if (IsWorkingMinute(calendar, time))
            {
                counted += Minute;
            }

            time += Minute;
        }

        return time.ToOffset(TimeSpan.Zero);
    }

    public static TimeSpan Between(WorkingCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var counted = TimeSpan.Zero;
        for (var time = from; time < to; time += Minute)
        {
            if (IsWorkingMinute(calendar, time))
            {
                counted += Minute;
            }
        }

        return counted;
    }

    private static bool IsWorkingMinute(WorkingCalendar calendar, DateTimeOffset time)
    {
        var local = time.ToOffset(WorkingCalendar.ChinaStandardTimeOffset);
        var clock = TimeOnly.FromTimeSpan(local.TimeOfDay);
        return calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime))
            && calendar.OfficeHours.Periods.Any(p => clock >= p.Start && clock < p.End);
    }
}
