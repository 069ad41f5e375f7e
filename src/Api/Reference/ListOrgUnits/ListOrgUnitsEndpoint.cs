using Mediator;

namespace GridCase.Api.Reference.ListOrgUnits;

public static class ListOrgUnitsEndpoint
{
    public static void MapListOrgUnits(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/org-units", async (string? parent, string? level, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOrgUnitsQuery(parent, level), ct)))
            .WithTags("Reference")
            .WithSummary("Organisation units (一张网), flat; filter by parent code and level.")
            .ProducesValidationProblem();
}
