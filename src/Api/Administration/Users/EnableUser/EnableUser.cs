using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Persistence;
using Mediator;

namespace GridCase.Api.Administration.Users.EnableUser;

public sealed record EnableUserCommand(string UserName, Actor Caller) : ICommand<UserChangeResponse>;

/// <summary>Enables a disabled user in its unit, which must still take its role (not retired) and, for a grid, have no other active member.</summary>
public sealed class EnableUserHandler(GridCaseDb db, UserWrites writes, AdminLog log, OrgSnapshot org) : ICommandHandler<EnableUserCommand, UserChangeResponse>
{
    public async ValueTask<UserChangeResponse> Handle(EnableUserCommand command, CancellationToken cancellationToken)
    {
        var user = await AdministeredUser.FindAsync(db.Users, command.UserName, command.Caller, cancellationToken);
        if (!user.IsDisabled)
        {
            return new UserChangeResponse(UserResponse.From(user, org.Current), []);
        }

        var unit = await UserPlacement.FindUnitAsync(db, user.UnitCode, cancellationToken);
        if (UserPlacement.Check(CallerScope.For(command.Caller), user.UnitCode, unit, user.Role) is { } problem)
        {
            throw problem.ToException();
        }

        return await writes.RunAsync(async () =>
        {
            user.Enable();
            await UserPlacement.GuardGridAsync(db, user, cancellationToken);
            log.Record(command.Caller, AdminChangeKinds.UserEnabled, user.UserName, user.UnitCode.Value);
            return new UserChangeResponse(UserResponse.From(user, org.Current), []);
        }, cancellationToken);
    }
}
