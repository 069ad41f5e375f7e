using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Persistence;
using Mediator;

namespace GridCase.Api.Administration.Users.DisableUser;

public sealed record DisableUserCommand(string UserName, Actor Caller) : ICommand<UserChangeResponse>;

public sealed class DisableUserHandler(GridCaseDb db, Departure departure, OrgSnapshot org) : ICommandHandler<DisableUserCommand, UserChangeResponse>
{
    public async ValueTask<UserChangeResponse> Handle(DisableUserCommand command, CancellationToken cancellationToken)
    {
        var user = await AdministeredUser.FindAsync(db.Users, command.UserName, command.Caller, cancellationToken);
        return user.IsDisabled
            ? new UserChangeResponse(UserResponse.From(user, org.Current), [])
            : await departure.LeaveAsync(user, command.Caller, handedOverTo: null, cancellationToken);
    }
}
