using Mediator;

namespace GridCase.Api.Reference.GetCalendar;

public sealed record GetCalendarQuery(int Year) : IQuery<CalendarResponse>;

public sealed record CalendarResponse(
    int Year,
    string Source,
    IReadOnlyList<string> Holidays,
    IReadOnlyList<string> MakeUpWorkdays,
    IReadOnlyList<CalendarDayResponse> Days,
    IReadOnlyList<OfficePeriodResponse> OfficeHours);

public sealed record CalendarDayResponse(string Date, string Name, bool Working);

public sealed record OfficePeriodResponse(string Start, string End);
