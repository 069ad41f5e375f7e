using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Events.ListEvents;

/// <summary>
/// The events the caller may see. <paramref name="Unit"/> narrows to a responsible unit and the units below it;
/// a unit outside the caller's sight is 404, like any other unit the caller may not know. <paramref name="Q"/> keeps the
/// cases whose number starts with it or whose title contains it.
/// </summary>
public sealed record ListEventsQuery(string? Unit, string? Status, bool? Overdue, int? Page, int? PageSize, Actor Caller, string? Q = null)
    : IQuery<PageResponse<EventSummaryResponse>>;

public sealed record EventSummaryResponse(
    Guid Id,
    string Number,
    string Title,
    string CatalogueItemCode,
    string GridCode,
    string Channel,
    string Status,
    string ResponsibleUnit,
    string Floor,
    int? Difficulty,
    string? Scope,
    DateTime ReportedAt,
    bool Overdue,
    bool UnderSupervision,
    string? ClosureCode);
