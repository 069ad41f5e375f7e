using GridCase.Api.Auth;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Users.CreateUser;

public sealed record CreateUserCommand(string? UserName, string? DisplayName, string? Role, string? UnitCode, string? Password)
    : ICommand<UserResponse>, INewUser
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed class CreateUserValidator : NewUserRules<CreateUserCommand>;

public sealed class CreateUserHandler(GridCaseDb db, UserWrites writes, PasswordHashing passwords, AdminLog log, OrgSnapshot org)
    : ICommandHandler<CreateUserCommand, UserResponse>
{
    public async ValueTask<UserResponse> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var role = UserFieldRules.ParseRole(command.Role!);
        var code = UnitCode.Parse(command.UnitCode!.Trim());
        var unit = await UserPlacement.FindUnitAsync(db, code, cancellationToken);
        if (UserPlacement.Check(CallerScope.For(command.Caller), code, unit, role) is { } problem)
        {
            throw problem.ToException();
        }

        // Hashed before the write turn: PBKDF2 takes tens of milliseconds.
        var user = new User(command.UserName!, command.DisplayName!, role, code, passwords.Hash(command.Password!));
        await writes.RunAsync(async () =>
        {
            if (await db.Users.AnyAsync(u => u.UserName == user.UserName, cancellationToken))
            {
                throw UserPlacement.NameTaken(user.UserName).ToException();
            }

            await UserPlacement.GuardGridAsync(db, user, cancellationToken);
            db.Users.Add(user);
            log.Record(command.Caller, AdminChangeKinds.UserCreated, user.UserName, code.Value,
                new { displayName = user.DisplayName, role = role.ToString(), unitCode = code.Value });
            return user;
        }, cancellationToken);
        return UserResponse.From(user, org.Current);
    }
}
