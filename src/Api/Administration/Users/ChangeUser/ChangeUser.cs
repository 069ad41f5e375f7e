using FluentValidation;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Mediator;

namespace GridCase.Api.Administration.Users.ChangeUser;

/// <summary>
/// Renames a user, or moves them to another role or unit (the same rules as creating one). Someone who leaves their
/// unit or role gives back the tasks of their old unit's queue they had claimed (有进有出); tokens issued before a move
/// stop working.
/// </summary>
public sealed record ChangeUserCommand(string? DisplayName, string? Role, string? UnitCode) : ICommand<UserChangeResponse>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string UserName { get; init; } = "";

    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed class ChangeUserValidator : AbstractValidator<ChangeUserCommand>
{
    public ChangeUserValidator()
    {
        RuleFor(c => c.DisplayName).Must((c, _) => c.DisplayName is not null || c.Role is not null || c.UnitCode is not null)
            .WithMessage("请至少修改 displayName、role、unitCode 之一 / Give at least one of displayName, role, unitCode.");
        RuleFor(c => c.DisplayName).DisplayName().When(c => c.DisplayName is not null);
        RuleFor(c => c.Role).Role().When(c => c.Role is not null);
        RuleFor(c => c.UnitCode).UnitCode().When(c => c.UnitCode is not null);
    }
}

public sealed class ChangeUserHandler(GridCaseDb db, UserWrites writes, ClaimRelease claims, AdminLog log, OrgSnapshot org)
    : ICommandHandler<ChangeUserCommand, UserChangeResponse>
{
    public async ValueTask<UserChangeResponse> Handle(ChangeUserCommand command, CancellationToken cancellationToken)
    {
        var user = await AdministeredUser.FindAsync(db.Users, command.UserName, command.Caller, cancellationToken);
        var role = command.Role is null ? user.Role : UserFieldRules.ParseRole(command.Role);
        var code = command.UnitCode is null ? user.UnitCode : UnitCode.Parse(command.UnitCode.Trim());
        var moves = role != user.Role || code != user.UnitCode;
        var renames = command.DisplayName is not null && command.DisplayName.Trim() != user.DisplayName;
        if (!moves && !renames)
        {
            return new UserChangeResponse(UserResponse.From(user, org.Current), []);
        }

        if (moves)
        {
            AdministeredUser.RefuseOwnAccount(user, command.Caller);
            var unit = await UserPlacement.FindUnitAsync(db, code, cancellationToken);
            if (UserPlacement.Check(CallerScope.For(command.Caller), code, unit, role) is { } problem)
            {
                throw problem.ToException();
            }
        }

        var before = new { displayName = user.DisplayName, role = user.Role.ToString(), unitCode = user.UnitCode.Value };
        var left = user.UnitCode;
        return await writes.RunAsync(async () =>
        {
            if (renames)
            {
                user.Rename(command.DisplayName!);
            }

            IReadOnlyList<ReleasedTask> released = [];
            if (moves)
            {
                user.Assign(role, code);
                await UserPlacement.GuardGridAsync(db, user, cancellationToken);
                released = await claims.ReleaseAsync(user.UserName, left, command.Caller, cancellationToken);
            }

            log.Record(command.Caller, AdminChangeKinds.UserChanged, user.UserName, code.Value, new
            {
                from = before,
                to = new { displayName = user.DisplayName, role = role.ToString(), unitCode = code.Value },
                releasedTasks = released.Select(t => t.TaskId).ToList(),
            });
            return new UserChangeResponse(UserResponse.From(user, org.Current), released);
        }, cancellationToken);
    }
}
