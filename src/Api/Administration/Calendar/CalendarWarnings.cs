using GridCase.Domain.Calendar;

namespace GridCase.Api.Administration.Calendar;

/// <summary>Something an administrator must act on, shown in the console and by readiness.</summary>
public sealed record AdminWarning(string Code, string Message);

/// <summary>
/// Years the working calendar would count as a plain Monday-to-Friday week: this year, and from 1 December (China time)
/// next year, while their holiday schedule is missing.
/// </summary>
public sealed class CalendarWarnings(CalendarSnapshot calendar, TimeProvider clock)
{
    public const string MissingSchedule = "calendar.schedule-missing";

    public IReadOnlyList<AdminWarning> Current()
    {
        var today = clock.GetUtcNow().ToOffset(WorkingCalendar.ChinaStandardTimeOffset);
        int[] needed = today.Month == 12 ? [today.Year, today.Year + 1] : [today.Year];
        return needed.Where(year => !calendar.Current.HasScheduleFor(year))
            .Select(year => new AdminWarning(MissingSchedule,
                $"{year}年节假日安排缺失，请上传 / The holiday schedule of {year} is missing: upload it (PUT /api/admin/calendar/{year}), or deadlines count {year} as a plain Monday-to-Friday week."))
            .ToList();
    }
}
