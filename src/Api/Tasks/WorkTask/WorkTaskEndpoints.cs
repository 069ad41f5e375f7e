using System.Security.Claims;
using GridCase.Api.Infrastructure;
using Mediator;

namespace GridCase.Api.Tasks.WorkTask;

public static class WorkTaskEndpoints
{
    public static void MapWorkTask(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks/{id}").WithTags("Tasks");
        group.MapPost("/claim", async (string id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ClaimTaskCommand(id, user.ToActor()), ct)))
            .WithSummary("Claim a task of your unit's queue (one holder at a time).");
        group.MapPost("/release", async (string id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ReleaseTaskCommand(id, user.ToActor()), ct)))
            .WithSummary("Give a claimed task back to the queue.");
        group.MapPost("/complete", async (string id, CompleteTaskCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(body with { TaskId = id, Caller = user.ToActor() }, ct)))
            .AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Complete a task with an outcome and its form; honours Idempotency-Key.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
