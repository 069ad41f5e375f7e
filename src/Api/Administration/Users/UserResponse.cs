using GridCase.Domain.Organisation;

namespace GridCase.Api.Administration.Users;

/// <summary>A user as administrators see it: never a password hash or a security stamp.</summary>
public sealed record UserResponse(string UserName, string DisplayName, string Role, string UnitCode, string? UnitName, string Status, DateTime? DisabledAt)
{
    public const string Active = "active";
    public const string Disabled = "disabled";

    public static UserResponse From(User user, OrgDirectory org) => new(
        user.UserName,
        user.DisplayName,
        user.Role.ToString(),
        user.UnitCode.Value,
        org.Find(user.UnitCode)?.Name,
        user.IsDisabled ? Disabled : Active,
        user.DisabledAt);
}

/// <summary>A user after a change, with the tasks they had claimed that went back to their unit's queue (有进有出).</summary>
public sealed record UserChangeResponse(UserResponse User, IReadOnlyList<ReleasedTask> ReleasedTasks, string? HandedOverTo = null);

public sealed record ReleasedTask(string TaskId, Guid EventId);
