using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using GridCase.Api.Administration;
using GridCase.Api.Auth.IssueToken;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Auth.ChangePassword;

/// <summary>
/// A signed-in user changes their own password. The stamp changes with it, so every other session's token stops
/// working; the answer carries a fresh token so this one goes on.
/// </summary>
public sealed record ChangePasswordCommand(string? CurrentPassword, string? NewPassword) : ICommand<TokenResponse>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("请输入当前密码 / currentPassword is required.")
            .MaximumLength(PasswordRules.MaxLength).WithMessage($"当前密码过长 / currentPassword has at most {PasswordRules.MaxLength} characters.");
        RuleFor(c => c.NewPassword).NewPassword("newPassword");
    }
}

public sealed class ChangePasswordHandler(GridCaseDb db, PasswordHashing passwords, TokenIssuer tokens, AdminLog log, LiveAccounts accounts)
    : ICommandHandler<ChangePasswordCommand, TokenResponse>
{
    public async ValueTask<TokenResponse> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == command.Caller.UserId, cancellationToken);
        if (user is null || user.IsDisabled)
        {
            throw new AuthenticationFailedException();
        }

        if (!passwords.Verify(user, command.CurrentPassword!))
        {
            throw new ValidationException([new ValidationFailure("currentPassword", "当前密码不正确 / currentPassword is wrong.")]);
        }

        user.ChangePasswordHash(passwords.Hash(command.NewPassword!));
        log.Record(command.Caller, AdminChangeKinds.UserPasswordChanged, user.UserName, user.UnitCode.Value);
        await db.SaveChangesAsync(cancellationToken);
        accounts.Forget(user.UserName);
        var (token, expiresAt) = tokens.Issue(user);
        return new TokenResponse(token, expiresAt, "Bearer", user.Role.ToString(), user.UnitCode.Value);
    }
}

public static class ChangePasswordEndpoint
{
    public static void MapChangePassword(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/password", async (ChangePasswordCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(body with { Caller = user.ToActor() }, ct)))
            .WithTags("Auth")
            .WithSummary("Change your own password; other sessions' tokens stop working and the answer carries a fresh token.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
