using FluentValidation;
using GridCase.Api.Auth;
using GridCase.Domain;
using GridCase.Persistence;
using Mediator;

namespace GridCase.Api.Administration.Users.ResetPassword;

/// <summary>An administrator sets a new password; the user's tokens stop working (the stamp changes with it).</summary>
public sealed record ResetPasswordCommand(string? Password) : ICommand
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string UserName { get; init; } = "";

    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator() => RuleFor(c => c.Password).NewPassword("password");
}

public sealed class ResetPasswordHandler(GridCaseDb db, UserWrites writes, PasswordHashing passwords, AdminLog log) : ICommandHandler<ResetPasswordCommand>
{
    public async ValueTask<Unit> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await AdministeredUser.FindAsync(db.Users, command.UserName, command.Caller, cancellationToken);
        var hash = passwords.Hash(command.Password!);
        return await writes.RunAsync(() =>
        {
            user.ChangePasswordHash(hash);
            log.Record(command.Caller, AdminChangeKinds.UserPasswordReset, user.UserName, user.UnitCode.Value);
            return Task.FromResult(Unit.Value);
        }, cancellationToken);
    }
}
