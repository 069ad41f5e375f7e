using GridCase.Domain.Calendar;

namespace GridCase.Api.Administration;

/// <summary>
/// The working calendar in use: the schedules shipped with the product and those uploaded by administrators (an
/// uploaded year replaces the shipped one). Replaced whole when a schedule is uploaded on any node.
/// </summary>
public sealed class CalendarSnapshot
{
    private volatile WorkingCalendar _current = WorkingCalendar.CreateDefault();

    public WorkingCalendar Current => _current;

    public void Replace(IEnumerable<HolidaySchedule> uploaded)
    {
        var byYear = HolidaySchedule.AvailableYears.ToDictionary(y => y, HolidaySchedule.Load);
        foreach (var schedule in uploaded)
        {
            byYear[schedule.Year] = schedule;
        }

        _current = new WorkingCalendar(byYear.Values, _current.OfficeHours);
    }
}
