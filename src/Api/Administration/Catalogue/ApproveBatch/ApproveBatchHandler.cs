using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Catalogue;
using GridCase.Persistence;
using GridCase.Persistence.Catalogue;
using Mediator;

namespace GridCase.Api.Administration.Catalogue.ApproveBatch;

/// <summary>
/// Admits the batch to the county's catalogue as it is now: if other versions came since the proposal, the batch is
/// checked again against the current one and admitted as the next, or refused (409) when it no longer fits.
/// </summary>
public sealed class ApproveBatchHandler(GridCaseDb db, OrgSnapshot org, CatalogueStore catalogues, AdminLog log, TimeProvider clock)
    : ICommandHandler<ApproveBatchCommand, BatchResponse>
{
    public async ValueTask<BatchResponse> Handle(ApproveBatchCommand command, CancellationToken cancellationToken)
    {
        var batch = await BatchDecision.OpenBatchAsync(db, org, command.County, command.Id, command.Caller, cancellationToken);
        var catalogue = await catalogues.LoadAsync(batch.County, cancellationToken) ?? new MatterCatalogue(batch.County);
        var content = BatchContent.FromJson(batch.Content);
        var problems = content.AdmitTo(catalogue, org.Current);
        if (problems.Count > 0)
        {
            throw new InvalidTransitionException("catalogue.batch-stale",
                $"批次已不适用于当前清单（第 {catalogue.Version} 版）/ The batch no longer fits catalogue version {catalogue.Version}: "
                + string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")));
        }

        try
        {
            // One transaction: the decision, the new catalogue version and the log entry.
            await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
            await BatchDecision.RecordAsync(db, batch, CatalogueBatchStatus.Approved, command.Caller, command.Note,
                clock.GetUtcNow().UtcDateTime, catalogue.Version, cancellationToken);
            log.Record(command.Caller, AdminChangeKinds.CatalogueBatchApproved, batch.Id.ToString(), batch.County.Value,
                new { version = catalogue.Version, baseVersion = content.BaseVersion, note = batch.DecisionNote, items = content.Items.Select(i => i.Code) });
            await catalogues.SaveAsync(catalogue, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (CatalogueVersionConflictException)
        {
            throw new InvalidTransitionException("concurrent-change",
                "清单刚被他人修改，请重新审批 / The catalogue changed at the same moment; approve the batch again.");
        }

        return BatchResponse.From(batch);
    }
}
