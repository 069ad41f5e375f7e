using System.Security.Claims;
using GridCase.Api.Events.GetEvent;
using GridCase.Api.Events.ListEvents;
using GridCase.Api.Infrastructure;
using GridCase.Api.Tasks.ListTasks;
using Mediator;

namespace GridCase.Api.Events;

/// <summary>One page of a list, with the total the filters match (for the pager).</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>The paging both read lists share: page from 1, 20 per page unless asked, at most 200.</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;
}

/// <summary>The read side of events and queues: lists, detail, the task queue.</summary>
public static class EventReadEndpoints
{
    public static void MapEventReads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", async (string? unit, string? status, bool? overdue, int? page, int? pageSize, string? q, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListEventsQuery(unit, status, overdue, page, pageSize, user.ToActor(), q), ct)))
            .WithTags("Events")
            .WithSummary("The events the caller may see, newest first; filter by responsible unit (and below), status, overdue and q (number prefix or words of the title).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/events/{id:guid}", async (Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetEventQuery(id, user.ToActor()), ct)))
            .WithTags("Events")
            .WithSummary("One event with its open tasks; the reporter is masked unless the caller's unit is responsible for it.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/tasks", async (string? queue, string? status, bool? overdue, string? sort, int? page, int? pageSize, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListTasksQuery(queue, status, overdue, sort, page, pageSize, user.ToActor()), ct)))
            .WithTags("Tasks")
            .WithSummary("A queue (the caller's own unit unless named), open tasks by due time unless asked otherwise.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
