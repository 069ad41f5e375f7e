using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Users;

/// <summary>A user the administrator may manage: unknown or outside the administrator's area is 404 alike.</summary>
public static class AdministeredUser
{
    public static async Task<User> FindAsync(IQueryable<User> users, string userName, Actor administrator, CancellationToken cancellationToken)
    {
        var user = await users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        return user is not null && CallerScope.For(administrator).Covers(user.UnitCode.Value)
            ? user
            : throw new NotFoundException($"用户 {userName}", $"User {userName}");
    }

    /// <summary>An administrator does not disable, hand over, or move their own account (they would lock themselves out).</summary>
    public static void RefuseOwnAccount(User user, Actor administrator)
    {
        if (user.UserName == administrator.UserId)
        {
            throw new InvalidTransitionException("own-account",
                "不能停用、交接或调整自己的账号 / You cannot disable, hand over, or move your own account.");
        }
    }
}
