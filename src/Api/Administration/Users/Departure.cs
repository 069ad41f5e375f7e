using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Administration.Users;

/// <summary>
/// A user leaves (有进有出): the account is disabled (its tokens die with its stamp), the tasks of its unit's queue it
/// had claimed go back to the queue, and the change is logged with the releases, in one transaction.
/// </summary>
public sealed class Departure(UserWrites writes, ClaimRelease claims, AdminLog log, TimeProvider clock, OrgSnapshot org)
{
    public async Task<UserChangeResponse> LeaveAsync(User user, Actor administrator, string? handedOverTo, CancellationToken cancellationToken)
    {
        AdministeredUser.RefuseOwnAccount(user, administrator);
        return await writes.RunAsync(async () =>
        {
            user.Disable(clock.GetUtcNow().UtcDateTime);
            var released = await claims.ReleaseAsync(user.UserName, user.UnitCode, administrator, cancellationToken);
            log.Record(administrator, AdminChangeKinds.UserDisabled, user.UserName, user.UnitCode.Value,
                new { handedOverTo, releasedTasks = released.Select(t => t.TaskId).ToList() });
            return new UserChangeResponse(UserResponse.From(user, org.Current), released, handedOverTo);
        }, cancellationToken);
    }
}
