using GridCase.Api.Auth.SignInProtection;
using GridCase.Api.Infrastructure;
using GridCase.Persistence.Organisation;
using Mediator;

namespace GridCase.Api.Auth.IssueToken;

public sealed class IssueTokenHandler(OrgStore org, SignInLockout lockout, SignInPasswordCheck passwords, TokenIssuer tokens)
    : ICommandHandler<IssueTokenCommand, TokenResponse>
{
    public async ValueTask<TokenResponse> Handle(IssueTokenCommand command, CancellationToken cancellationToken)
    {
        var user = await org.FindUserAsync(command.Username!, cancellationToken);
        lockout.ThrowIfLocked(user, command.Username!);
        // Checked whoever asks (an unknown name against a dummy hash): every refusal costs the same time.
        var passwordMatches = await passwords.MatchesAsync(user, command.Password!, cancellationToken);
        if (user is null || user.IsDisabled || !passwordMatches)
        {
            if (!passwordMatches)
            {
                await lockout.RecordFailureAsync(user, command.Username!, cancellationToken);
            }

            throw new AuthenticationFailedException();
        }

        await lockout.RecordSuccessAsync(user, cancellationToken);
        var (token, expiresAt) = tokens.Issue(user);
        return new TokenResponse(token, expiresAt, "Bearer", user.Role.ToString(), user.UnitCode.Value);
    }
}
