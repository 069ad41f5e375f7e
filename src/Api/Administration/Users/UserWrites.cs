using GridCase.Api.Auth;
using GridCase.Persistence;
using GridCase.Persistence.Cases;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Users;

/// <summary>
/// One administrative change to users, all or nothing: the accounts, the admin log entry and the releases of claimed
/// tasks commit in one transaction. Changes to users are taken one at a time (SQLite has one writer; on PostgreSQL a
/// transaction lock), so that the check of 一格一员 and the write it allows cannot interleave with another node's.
/// After the commit this node forgets what it knew of the changed accounts, so their old tokens are refused at once.
/// </summary>
public sealed class UserWrites(GridCaseDb db, UnitOfWork unitOfWork, CaseStore cases, LiveAccounts accounts)
{
    // Any constant shared by every node: pg_advisory_xact_lock's key for "users are being changed".
    private const long UsersLock = 0x4752_4944_5553_5253;

    public async Task<T> RunAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken)
    {
        List<string> changed;
        T result;
        unitOfWork.Open();
        await using (unitOfWork)
        {
            await unitOfWork.BeginWritesAsync(cancellationToken);
            if (!db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({UsersLock})", cancellationToken);
            }

            result = await change();
            changed = db.ChangeTracker.Entries<GridCase.Domain.Organisation.User>()
                .Where(e => e.State != EntityState.Unchanged).Select(e => e.Entity.UserName).ToList();

            // Saves the users, the log entry and the cases the releases touched (their stamps checked).
            await cases.SaveAsync(cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
        }

        changed.ForEach(accounts.Forget);
        return result;
    }
}
