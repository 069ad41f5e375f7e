using GridCase.Api.Infrastructure;
using GridCase.Domain.Calendar;
using Mediator;

namespace GridCase.Api.Reference.GetCalendar;

/// <summary>The schedule the working calendar follows for the year: shipped with the product or uploaded by an administrator.</summary>
public sealed class GetCalendarHandler(WorkingCalendar calendar) : IQueryHandler<GetCalendarQuery, CalendarResponse>
{
    public ValueTask<CalendarResponse> Handle(GetCalendarQuery query, CancellationToken cancellationToken) =>
        calendar.ScheduleFor(query.Year) is { } schedule
            ? ValueTask.FromResult(CalendarResponse.From(schedule, calendar.OfficeHours))
            : throw new NotFoundException($"{query.Year} 年的节假日安排", $"The holiday schedule of {query.Year}");
}
