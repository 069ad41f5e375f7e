using System.Security.Claims;
using GridCase.Api.Infrastructure;
using Mediator;

namespace GridCase.Api.Events.Trace;

public static class TraceEndpoints
{
    public static void MapTrace(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events/{id:guid}").WithTags("Events");
        group.MapGet("/journal", async (Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetJournalQuery(id, user.ToActor()), ct)))
            .WithSummary("Every journal entry of the case: who, when, what, under which version and rule.");
        group.MapGet("/replay", async (Guid id, long? at, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ReplayQuery(id, at, user.ToActor()), ct)))
            .WithSummary("The case's state at a seq, with the active node ids.");
        group.MapGet("/journal/verify", async (Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new VerifyQuery(id, user.ToActor()), ct)))
            .WithSummary("Checks the hash chain and re-executes the pinned version: {chainValid, replayMatches, firstBadSeq}.");
    }
}
