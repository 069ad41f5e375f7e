using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Catalogue;
using GridCase.Persistence;
using GridCase.Persistence.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Catalogue;

/// <summary>What approving and rejecting share: the batch must be open, and decided by someone other than its proposer.</summary>
public static class BatchDecision
{
    public const int MaxNoteLength = 500;

    /// <summary>The open batch (not tracked: <see cref="RecordAsync"/> decides it); 404 outside the caller's area, 409 when decided or self-reviewed.</summary>
    public static async Task<CatalogueBatchRow> OpenBatchAsync(
        GridCaseDb db, OrgSnapshot org, string county, Guid id, Actor caller, CancellationToken cancellationToken)
    {
        var unit = AdministeredCounty.Resolve(org.Current, county, caller);
        var batch = await db.CatalogueBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null || batch.County != unit.Code)
        {
            throw new NotFoundException($"事项批次 {id}", $"Catalogue batch {id}");
        }

        if (batch.Status != CatalogueBatchStatus.Proposed)
        {
            throw new InvalidTransitionException("catalogue.batch-decided",
                $"批次已{(batch.Status == CatalogueBatchStatus.Approved ? "批准" : "驳回")}，不能再审批 / The batch was already {batch.Status.ToString().ToLowerInvariant()}.");
        }

        BatchReview.EnsureReviewer(batch.ProposedBy, caller.UserId);
        return batch;
    }

    /// <summary>
    /// Records the decision inside the caller's write transaction, only if the batch is still open: of two decisions
    /// racing (an approval and a rejection), the second finds it decided and is refused.
    /// </summary>
    public static async Task RecordAsync(
        GridCaseDb db, CatalogueBatchRow batch, CatalogueBatchStatus status, Actor caller, string? note, DateTime at, int? version, CancellationToken cancellationToken)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var decided = await db.CatalogueBatches
            .Where(b => b.Id == batch.Id && b.Status == CatalogueBatchStatus.Proposed)
            .ExecuteUpdateAsync(set => set
                .SetProperty(b => b.Status, status)
                .SetProperty(b => b.DecidedBy, caller.UserId)
                .SetProperty(b => b.DecidedAt, at)
                .SetProperty(b => b.DecisionNote, note)
                .SetProperty(b => b.Version, version), cancellationToken);
        if (decided == 0)
        {
            throw new InvalidTransitionException("catalogue.batch-decided", "批次刚被他人审批 / The batch was decided by someone else meanwhile.");
        }

        batch.Status = status;
        batch.DecidedBy = caller.UserId;
        batch.DecidedAt = at;
        batch.DecisionNote = note;
        batch.Version = version;
    }
}
