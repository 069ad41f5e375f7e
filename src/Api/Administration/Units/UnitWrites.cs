using GridCase.Domain;
using GridCase.Persistence;
using GridCase.Persistence.Administration;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Units;

/// <summary>
/// One change to the organisation: the checks, the change and its <see cref="AdminLog"/> entry in one write
/// transaction (on SQLite in this process's writer turn), the organisation's version raised so every node reloads it,
/// and this node's snapshot reloaded at once after the commit.
/// </summary>
public sealed class UnitWrites(GridCaseDb db, AdminLog log, ReferenceData referenceData)
{
    public async Task<T> CommitAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken)
    {
        T result;
        bool changed;
        await using (var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken))
        {
            result = await change();
            changed = db.ChangeTracker.HasChanges();
            if (changed)
            {
                await log.TouchAsync(ReferenceVersionRow.Organisation, cancellationToken);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // A concurrent request took a code first (the checks before ran on what was committed then).
                    throw new InvalidTransitionException("org.concurrent-change", "另一项修改刚刚完成，请重试 / another change came first; try again.");
                }

                await transaction.CommitAsync(cancellationToken);
            }
        }

        if (changed)
        {
            // Committed: reload even if the caller has gone (the poller would catch up within seconds anyway).
            await referenceData.RefreshAsync(CancellationToken.None);
        }

        return result;
    }
}
