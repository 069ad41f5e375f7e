using GridCase.Api.Infrastructure;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Auth.SignInProtection;

/// <summary>
/// The temporary lockout: <see cref="SignInSettings.LockoutThreshold"/> wrong passwords in a row lock an account for
/// <see cref="SignInSettings.LockoutDuration"/>, and a locked account is refused (429, Retry-After) even with the right
/// password until then. The counters live on the user row (<see cref="User.RecordFailedSignIn"/>); each wrong password
/// is counted in a write transaction that holds the row first, so wrong passwords arriving together all count.
/// </summary>
public sealed class SignInLockout(GridCaseDb db, UnknownUserLockouts unknownUsers, GridCaseSettings settings, TimeProvider clock)
{
    private const string LockedOut = "因密码多次错误，账号已暂时锁定，请稍后再试 / Too many wrong passwords: the account is locked for a while; try again later.";

    /// <summary>Refuses a locked account, or an unknown name locked the same way (<see cref="UnknownUserLockouts"/>).</summary>
    public void ThrowIfLocked(User? user, string userName)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = user is null ? unknownUsers.LockedUntil(userName) : user.LockedUntil;
        if (until > now)
        {
            throw Refusal(until.Value - now);
        }
    }

    /// <summary>Counts a wrong password; when it locks the account, refuses this attempt already as locked.</summary>
    public async Task RecordFailureAsync(User? user, string userName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = user is null
            ? unknownUsers.RecordFailure(userName, now)
            : await ChangeAsync(user.UserName, row =>
            {
                if (!row.IsLockedOut(now))
                {
                    row.RecordFailedSignIn(now, settings.SignIn.LockoutThreshold, settings.SignIn.LockoutDuration);
                }
            }, cancellationToken);
        if (until > now)
        {
            throw Refusal(until.Value - now);
        }
    }

    /// <summary>Clears the counters after a successful sign-in (a write only when there is something to clear).</summary>
    public async Task RecordSuccessAsync(User user, CancellationToken cancellationToken)
    {
        if (user.FailedSignIns != 0 || user.LockedUntil is not null)
        {
            await ChangeAsync(user.UserName, row => row.RecordSignIn(), cancellationToken);
        }
    }

    private async Task<DateTime?> ChangeAsync(string userName, Action<User> change, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        // Hold the row before reading the counters: a row lock on PostgreSQL (the second writer waits and then reads
        // the first one's count); on SQLite the write transaction already has the file to itself.
        await db.Users.Where(u => u.UserName == userName)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns), cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
        {
            return null;
        }

        change(user);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user.LockedUntil;
    }

    private static RetryLaterException Refusal(TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, "locked-out", LockedOut, retryAfter);
}
