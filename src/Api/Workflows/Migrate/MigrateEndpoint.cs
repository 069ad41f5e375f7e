using System.Security.Claims;
using GridCase.Api.Infrastructure;
using Mediator;

namespace GridCase.Api.Workflows.Migrate;

public static class MigrateEndpoint
{
    public static void MapMigrate(this RouteGroupBuilder definitions) =>
        definitions.MapPost("/{id}/migrations", async (string id, MigrateBody body, ClaimsPrincipal user, HttpRequest request, IMediator m, CancellationToken ct) =>
            {
                var migrated = await m.Send(
                    new MigrateCommand(id, body.FromVersion, body.ToVersion, body.NodeMap, body.DryRun ?? true, body.After, body.Limit ?? MigrateValidator.DefaultLimit, user.ToActor()), ct);
                var language = ProblemLanguage.For(request);
                return TypedResults.Ok(migrated with { Blocked = [.. migrated.Blocked.Select(b => b with { Reason = ProblemLanguage.Pick(b.Reason, language)! })] });
            })
            .RequireAuthorization(WorkflowDefinitionEndpoints.PolicyAdminOnly)
            .AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Migrate running cases of one version to another (policy administrators): a dry run (the default) lists the cases that would move and those blocked with the reason; otherwise each movable case moves in its own transaction. Paged by 'after'/'next'.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
