using System.Globalization;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Calendar;
using Mediator;

namespace GridCase.Api.Reference.GetCalendar;

public sealed class GetCalendarHandler(WorkingCalendar calendar) : IQueryHandler<GetCalendarQuery, CalendarResponse>
{
    public ValueTask<CalendarResponse> Handle(GetCalendarQuery query, CancellationToken cancellationToken)
    {
        if (!HolidaySchedule.TryLoad(query.Year, out var schedule))
        {
            throw new NotFoundException($"The holiday schedule of {query.Year}");
        }

        var days = schedule.Holidays.Select(d => new CalendarDayResponse(Iso(d.Date), d.Name, Working: false))
            .Concat(schedule.MakeUpWorkdays.Select(d => new CalendarDayResponse(Iso(d.Date), d.Name, Working: true)))
            .OrderBy(d => d.Date, StringComparer.Ordinal)
            .ToList();
        return ValueTask.FromResult(new CalendarResponse(
            schedule.Year,
            schedule.Source,
            schedule.Holidays.Select(d => Iso(d.Date)).ToList(),
            schedule.MakeUpWorkdays.Select(d => Iso(d.Date)).ToList(),
            days,
            calendar.OfficeHours.Periods.Select(p => new OfficePeriodResponse(p.Start.ToString("HH:mm", CultureInfo.InvariantCulture), p.End.ToString("HH:mm", CultureInfo.InvariantCulture))).ToList()));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
