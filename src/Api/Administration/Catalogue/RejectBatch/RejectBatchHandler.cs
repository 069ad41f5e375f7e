using GridCase.Api.Infrastructure;
using GridCase.Persistence;
using GridCase.Persistence.Catalogue;
using Mediator;

namespace GridCase.Api.Administration.Catalogue.RejectBatch;

public sealed class RejectBatchHandler(GridCaseDb db, OrgSnapshot org, AdminLog log, TimeProvider clock)
    : ICommandHandler<RejectBatchCommand, BatchResponse>
{
    public async ValueTask<BatchResponse> Handle(RejectBatchCommand command, CancellationToken cancellationToken)
    {
        var batch = await BatchDecision.OpenBatchAsync(db, org, command.County, command.Id, command.Caller, cancellationToken);
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        await BatchDecision.RecordAsync(db, batch, CatalogueBatchStatus.Rejected, command.Caller, command.Note,
            clock.GetUtcNow().UtcDateTime, version: null, cancellationToken);
        log.Record(command.Caller, AdminChangeKinds.CatalogueBatchRejected, batch.Id.ToString(), batch.County.Value, new { note = batch.DecisionNote });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return BatchResponse.From(batch);
    }
}
