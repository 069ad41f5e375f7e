namespace GridCase.Domain.Calendar;

/// <summary>
/// Counts working time: office hours on working days, where a working day is Monday to Friday unless the
/// year's <see cref="HolidaySchedule"/> makes it a holiday, or a Saturday or Sunday it makes a make-up workday.
/// A year without a schedule follows the plain Monday-to-Friday week (see <see cref="HasScheduleFor"/>).
/// </summary>
/// <remarks>
/// Days and office hours are reckoned in China Standard Time, a fixed UTC+08:00 offset: China has had no
/// daylight saving time since 1991, so no time zone database is needed. Instants may come with any offset;
/// every instant returned is at offset zero. The calendar never reads the clock.
/// </remarks>
public sealed class WorkingCalendar
{
    /// <summary>China Standard Time, UTC+08:00.</summary>
    public static readonly TimeSpan ChinaStandardTimeOffset = TimeSpan.FromHours(8);

    private static readonly TimeSpan EndOfDay = TimeSpan.FromDays(1);

    private readonly Dictionary<int, HolidaySchedule> _schedules;

    /// <exception cref="DomainRuleException"><c>calendar.schedule</c>: two schedules for the same year.</exception>
    public WorkingCalendar(IEnumerable<HolidaySchedule> schedules, OfficeHours officeHours)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(officeHours);
        _schedules = [];
        foreach (var schedule in schedules)
        {
            if (!_schedules.TryAdd(schedule.Year, schedule))
            {
                throw new DomainRuleException("calendar.schedule", $"Two holiday schedules are given for {schedule.Year}.");
            }
        }

        OfficeHours = officeHours;
        ScheduledYears = [.. _schedules.Keys.Order()];
    }

    /// <summary>Every shipped holiday schedule with <see cref="OfficeHours.Default"/>.</summary>
    public static WorkingCalendar CreateDefault() =>
        new(HolidaySchedule.AvailableYears.Select(HolidaySchedule.Load), OfficeHours.Default);

    public OfficeHours OfficeHours { get; }

    /// <summary>The years that have a holiday schedule, ascending.</summary>
    public IReadOnlyList<int> ScheduledYears { get; }

    public bool HasScheduleFor(int year) => _schedules.ContainsKey(year);

    /// <summary>The holiday schedule this calendar follows in <paramref name="year"/>, or null (a plain Monday-to-Friday year).</summary>
    public HolidaySchedule? ScheduleFor(int year) => _schedules.GetValueOrDefault(year);

    public bool IsWorkingDay(DateOnly day)
    {
        if (_schedules.TryGetValue(day.Year, out var schedule))
        {
            if (schedule.IsHoliday(day))
            {
                return false;
            }

            if (schedule.IsMakeUpWorkday(day))
            {
                return true;
            }
        }

        return !HolidaySchedule.IsWeekend(day);
    }

    /// <summary>
    /// <paramref name="instant"/> itself if it is inside office hours on a working day, otherwise the
    /// start of the next working period (an instant at the end of a period, e.g. 12:00, is not inside it).
    /// </summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset instant)
    {
        var (day, time) = ToLocal(instant);
        (day, time) = RollForward(day, time);
        return ToInstant(day, time);
    }

    /// <summary>
    /// The instant at which <paramref name="workingTime"/> of working time has elapsed, counted from
    /// <see cref="NextWorkingMoment"/> of <paramref name="start"/>.
    /// </summary>
    /// <remarks>
    /// A positive amount that runs out exactly at the end of a period ends there (08:30 plus 3.5 hours is
    /// 12:00, not 14:00). Zero returns <see cref="NextWorkingMoment"/>, so a zero-hour limit set in the
    /// evening falls due when the office opens, exactly as the smallest positive limit would. The result is
    /// never earlier than <paramref name="start"/>. Whole days are consumed a day at a time, so the cost grows
    /// with the number of calendar days spanned, not with the amount of minutes.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A negative amount, or a result beyond year 9999.</exception>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var (day, time) = ToLocal(start);
        (day, time) = RollForward(day, time);

        var remaining = workingTime;
        var leftToday = OfficeHours.WorkingTimeWithin(time, EndOfDay);
        if (remaining > leftToday)
        {
            remaining -= leftToday;
            day = NextWorkingDay(day);
            while (remaining > OfficeHours.DailyWorkingTime)
            {
                remaining -= OfficeHours.DailyWorkingTime;
                day = NextWorkingDay(day);
            }

            time = OfficeHours.Opening;
        }

        return ToInstant(day, OfficeHours.Advance(time, remaining));
    }

    /// <summary>As <see cref="AddWorkingHours(DateTimeOffset, TimeSpan)"/>, with the amount in hours.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative or non-finite amount.</exception>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours)
    {
        if (!double.IsFinite(hours) || hours < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Working hours must be zero or more.");
        }

        return AddWorkingHours(start, TimeSpan.FromHours(hours));
    }

    /// <summary>
    /// The working time inside [<paramref name="from"/>, <paramref name="to"/>); zero when
    /// <paramref name="to"/> is not after <paramref name="from"/>. The inverse of <see cref="AddWorkingHours(DateTimeOffset, TimeSpan)"/>:
    /// <c>WorkingTimeBetween(t, AddWorkingHours(t, h)) == h</c>.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var (firstDay, firstTime) = ToLocal(from);
        var (lastDay, lastTime) = ToLocal(to);
        if (firstDay == lastDay)
        {
            return WorkingTimeOn(firstDay, firstTime, lastTime);
        }

        var total = WorkingTimeOn(firstDay, firstTime, EndOfDay);
        for (var day = firstDay.AddDays(1); day < lastDay; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                total += OfficeHours.DailyWorkingTime;
            }
        }

        return total + WorkingTimeOn(lastDay, TimeSpan.Zero, lastTime);
    }

    private TimeSpan WorkingTimeOn(DateOnly day, TimeSpan from, TimeSpan to) =>
        IsWorkingDay(day) ? OfficeHours.WorkingTimeWithin(from, to) : TimeSpan.Zero;

    private (DateOnly Day, TimeSpan Time) RollForward(DateOnly day, TimeSpan time)
    {
        if (IsWorkingDay(day) && OfficeHours.FirstWorkingMomentFrom(time) is { } moment)
        {
            return (day, moment);
        }

        return (NextWorkingDay(day), OfficeHours.Opening);
    }

    private DateOnly NextWorkingDay(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!IsWorkingDay(day));

        return day;
    }

    private static (DateOnly Day, TimeSpan Time) ToLocal(DateTimeOffset instant)
    {
        var local = instant.ToOffset(ChinaStandardTimeOffset);
        return (DateOnly.FromDateTime(local.DateTime), local.TimeOfDay);
    }

    private static DateTimeOffset ToInstant(DateOnly day, TimeSpan time) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue) + time, ChinaStandardTimeOffset).ToOffset(TimeSpan.Zero);
}
