using System.Security.Claims;
using GridCase.Api.Administration.Changes.ListChanges;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Organisation;
using Mediator;

namespace GridCase.Api.Administration.Changes;

/// <summary>The admin change log, for auditors (everything) and system administrators (their area).</summary>
public static class ChangeRoutes
{
    public static void MapChanges(this IEndpointRouteBuilder admin) =>
        admin.MapGet("/changes", async (string? subject, string? kind, long? before, int? limit, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListChangesQuery(subject, kind, before, limit, user.ToActor()), ct)))
            .RequireAuthorization(policy => policy.RequireRole(nameof(Role.Auditor), nameof(Role.SystemAdmin)))
            .WithSummary("Administrative changes (units, users, catalogue batches, calendars) with their actor, newest first; keyset paged by id (before).")
            .ProducesValidationProblem();
}
