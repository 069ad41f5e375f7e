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

        app.MapGet("/api/tasks", async ([AsParameters] TaskListParameters p, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(
                    new ListTasksQuery(p.Queue, p.Status, p.Overdue, p.Sort, p.Page, p.PageSize, user.ToActor())
                    {
                        Q = p.Q, Step = p.Step, Mine = p.Mine, Unclaimed = p.Unclaimed, Supervised = p.Supervised, Cursor = p.Cursor,
                    },
                    ct)))
            .WithTags("Tasks")
            .WithSummary("A queue (the caller's own unit unless named), open tasks by due time unless asked otherwise; search q (case number, "
                + "or within a queue title, address, grid code), filters step, mine, unclaimed, overdue, supervised (督办); nextCursor pages on.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/tasks/{id}", async (string id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetTaskQuery(id, user.ToActor()), ct)))
            .WithTags("Tasks")
            .WithSummary("One task as a queue row, open or not, if its queue is within the caller's sight.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

/// <summary>The query string of GET /api/tasks.</summary>
public sealed record TaskListParameters(
    string? Queue, string? Status, bool? Overdue, string? Sort, int? Page, int? PageSize,
    string? Q, string? Step, string? Mine, string? Unclaimed, string? Supervised, string? Cursor);
