using System.Globalization;
using GridCase.Domain.Calendar;
using Mediator;

namespace GridCase.Api.Reference.GetCalendar;

public sealed record GetCalendarQuery(int Year) : IQuery<CalendarResponse>;

public sealed record CalendarResponse(
    int Year,
    string Source,
    IReadOnlyList<string> Holidays,
    IReadOnlyList<string> MakeUpWorkdays,
    IReadOnlyList<CalendarDayResponse> Days,
    IReadOnlyList<OfficePeriodResponse> OfficeHours)
{
    public static CalendarResponse From(HolidaySchedule schedule, OfficeHours officeHours)
    {
        var days = schedule.Holidays.Select(d => new CalendarDayResponse(Iso(d.Date), d.Name, Working: false))
            .Concat(schedule.MakeUpWorkdays.Select(d => new CalendarDayResponse(Iso(d.Date), d.Name, Working: true)))
            .OrderBy(d => d.Date, StringComparer.Ordinal)
            .ToList();
        return new CalendarResponse(
            schedule.Year,
            schedule.Source,
            schedule.Holidays.Select(d => Iso(d.Date)).ToList(),
            schedule.MakeUpWorkdays.Select(d => Iso(d.Date)).ToList(),
            days,
            officeHours.Periods.Select(p => new OfficePeriodResponse(p.Start.ToString("HH:mm", CultureInfo.InvariantCulture), p.End.ToString("HH:mm", CultureInfo.InvariantCulture))).ToList());
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record CalendarDayResponse(string Date, string Name, bool Working);

public sealed record OfficePeriodResponse(string Start, string End);
