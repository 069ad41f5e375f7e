using GridCase.Api.Infrastructure;
using GridCase.Persistence.Organisation;
using Mediator;

namespace GridCase.Api.Auth.IssueToken;

public sealed class IssueTokenHandler(OrgStore org, PasswordHashing passwords, TokenIssuer tokens)
    : ICommandHandler<IssueTokenCommand, TokenResponse>
{
    public async ValueTask<TokenResponse> Handle(IssueTokenCommand command, CancellationToken cancellationToken)
    {
        var user = await org.FindUserAsync(command.Username!, cancellationToken);
        if (user is null || !passwords.Verify(user, command.Password!) || user.IsDisabled)
        {
            throw new AuthenticationFailedException();
        }

        var (token, expiresAt) = tokens.Issue(user);
        return new TokenResponse(token, expiresAt, "Bearer", user.Role.ToString(), user.UnitCode.Value);
    }
}
