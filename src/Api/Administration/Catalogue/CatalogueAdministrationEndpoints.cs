using System.Security.Claims;
using GridCase.Api.Administration.Catalogue.ApproveBatch;
using GridCase.Api.Administration.Catalogue.GetBatch;
using GridCase.Api.Administration.Catalogue.ListBatches;
using GridCase.Api.Administration.Catalogue.ProposeBatch;
using GridCase.Api.Administration.Catalogue.RejectBatch;
using GridCase.Api.Administration.Catalogue.WithdrawItem;
using GridCase.Api.Infrastructure;
using Mediator;

namespace GridCase.Api.Administration.Catalogue;

/// <summary>Catalogue governance (成熟一批，纳入一批): batches proposed by one administrator and decided by another; withdrawals.</summary>
public static class CatalogueAdministrationEndpoints
{
    public static void MapCatalogueAdministration(this IEndpointRouteBuilder admin)
    {
        var county = admin.MapGroup("/catalogue/{county}").RequireAuthorization(AdministrationRoutes.SystemAdminOnly);

        county.MapPost("/batches", async (string county, ProposeBatchCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                var batch = await m.Send(body with { County = county, Caller = user.ToActor() }, ct);
                return TypedResults.Created($"/api/admin/catalogue/{county}/batches/{batch.Id}", batch);
            })
            .WithSummary("Propose a batch of new items for the county's catalogue; checked up front, admitted only when another administrator approves it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        county.MapGet("/batches", async (string county, string? status, DateTimeOffset? before, int? limit, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListBatchesQuery(county, status, before, limit, user.ToActor()), ct)))
            .WithSummary("The county's batches, newest first (status filter; next page: before = the last proposedAt).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        county.MapGet("/batches/{id:guid}", async (string county, Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetBatchQuery(county, id, user.ToActor()), ct)))
            .WithSummary("One batch with its items and decision.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        county.MapPost("/batches/{id:guid}/approve", async (string county, Guid id, ApproveBatchBody? body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ApproveBatchCommand(county, id, body?.Note, user.ToActor()), ct)))
            .WithSummary("Approve a batch (not its proposer: 409 four-eyes): it becomes the county's next catalogue version.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        county.MapPost("/batches/{id:guid}/reject", async (string county, Guid id, RejectBatchBody body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RejectBatchCommand(county, id, body.Note, user.ToActor()), ct)))
            .WithSummary("Reject a batch with a note (not its proposer: 409 four-eyes).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        county.MapPost("/items/{code}/withdraw", async (string county, string code, WithdrawItemBody body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new WithdrawItemCommand(county, code, body.Reason, user.ToActor()), ct)))
            .WithSummary("Withdraw an item (退出清单) as the next catalogue version: refused for new reports, running cases go on.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
