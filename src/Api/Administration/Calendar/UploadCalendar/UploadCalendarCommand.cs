using System.Text.Json.Serialization;
using GridCase.Api.Reference.GetCalendar;
using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Calendar.UploadCalendar;

/// <summary>
/// A year's public holidays and make-up working days (调休), in the format of the shipped schedule files:
/// <c>{ year, source, holidays: [{ date, name }], makeUpWorkdays: [{ date, name }] }</c>.
/// </summary>
public sealed record UploadCalendarCommand(int? Year, string? Source, IReadOnlyList<DayInput?>? Holidays, IReadOnlyList<DayInput?>? MakeUpWorkdays)
    : ICommand<CalendarResponse>
{
    /// <summary>The year in the route, set by the endpoint; the document must declare the same.</summary>
    [JsonIgnore]
    public int RouteYear { get; init; }

    /// <summary>Set by the endpoint from the token, never from the body.</summary>
    [JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed record DayInput(string? Date, string? Name);
