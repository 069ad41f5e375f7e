using System.Security.Claims;
using GridCase.Api.Infrastructure;
using Mediator;

namespace GridCase.Api.Events.Interventions;

public static class InterventionEndpoints
{
    public static void MapInterventions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/events/{id:guid}/supervision", async (Guid id, SuperviseCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(body with { EventId = id, Caller = user.ToActor() }, ct)))
            .Describe("督办 Supervise: a command centre above the responsible unit flags the case and tracks it; responsibility does not move.");
        app.MapPost("/api/events/{id:guid}/urge", async (Guid id, UrgeCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(body with { EventId = id, Caller = user.ToActor() }, ct)))
            .Describe("催办 Urge: a command centre urges the responsible unit; recorded in the journal, nothing moves.");
        app.MapPost("/api/events/{id:guid}/relocate", async (Guid id, RelocateCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(body with { EventId = id, Caller = user.ToActor() }, ct)))
            .Describe("改派网格 Relocate: move a case reported in the wrong grid to the right one, while it has never been above village level (else 409 no-push-down).");
        app.MapPost("/api/events/{id:guid}/reclassify", async (Guid id, ReclassifyCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(body with { EventId = id, Caller = user.ToActor() }, ct)))
            .Describe("重新分类 Reclassify: triage corrects the catalogue item before the case is dispatched.");
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder route, string summary) => route
        .AddEndpointFilter<IdempotencyFilter>()
        .WithTags("Events")
        .WithSummary(summary)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
