using System.Security.Claims;
using GridCase.Api.Infrastructure;
using Mediator;

namespace GridCase.Api.Reference.GetCatalogue;

public static class GetCatalogueEndpoint
{
    public static void MapGetCatalogue(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/catalogue", async (string? county, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCatalogueQuery(county, user.ToActor()), ct)))
            .WithTags("Reference")
            .WithSummary("A county's matter catalogue (入格事项清单).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
