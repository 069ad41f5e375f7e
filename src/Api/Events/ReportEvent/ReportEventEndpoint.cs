using System.Security.Claims;
using GridCase.Api.Infrastructure;
using Mediator;

namespace GridCase.Api.Events.ReportEvent;

public static class ReportEventEndpoint
{
    public static void MapReportEvent(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/events", async (ReportEventCommand body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(body with { Caller = user.ToActor() }, ct);
                return TypedResults.Created($"/api/events/{created.Id}", created);
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithTags("Events")
            .WithSummary("Report an event (信息收集); honours Idempotency-Key. 201 with the case number, status, workflow version and open tasks.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
