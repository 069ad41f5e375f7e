using FluentValidation;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Users.Handover;

/// <summary>
/// A member hands over to a successor (交接): the leaving account is disabled and its claimed tasks go back to its unit's
/// queue, as with disabling, and the successor's name is recorded with the change. Nothing else is created, enabled or
/// moved: the successor is then created, enabled or moved into the unit as usual (一格一员 allows it once the leaving
/// member is disabled) and finds the released tasks in the unit's queue.
/// </summary>
public sealed record HandoverCommand(string? ToUserName) : ICommand<UserChangeResponse>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string UserName { get; init; } = "";

    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed class HandoverValidator : AbstractValidator<HandoverCommand>
{
    public HandoverValidator() =>
        RuleFor(c => c.ToUserName).Must(User.IsValidUserName)
            .WithMessage("请填写接任者的用户名 / toUserName must name the successor's user name.")
            .NotEqual(c => c.UserName).WithMessage("接任者不能是交接人本人 / toUserName must be someone else.");
}

public sealed class HandoverHandler(GridCaseDb db, Departure departure) : ICommandHandler<HandoverCommand, UserChangeResponse>
{
    public async ValueTask<UserChangeResponse> Handle(HandoverCommand command, CancellationToken cancellationToken)
    {
        var user = await AdministeredUser.FindAsync(db.Users, command.UserName, command.Caller, cancellationToken);
        if (user.IsDisabled)
        {
            throw new InvalidTransitionException("user-disabled", $"{user.UserName} 已停用，无需交接 / {user.UserName} is already disabled.");
        }

        // A successor who already has an account must be one this administrator manages; a new one is created afterwards.
        var successor = await db.Users.AsNoTracking().Where(u => u.UserName == command.ToUserName).Select(u => (string)(object)u.UnitCode).SingleOrDefaultAsync(cancellationToken);
        if (successor is not null && !CallerScope.For(command.Caller).Covers(successor))
        {
            throw new NotFoundException($"用户 {command.ToUserName}", $"User {command.ToUserName}");
        }

        return await departure.LeaveAsync(user, command.Caller, command.ToUserName, cancellationToken);
    }
}
