using Mediator;

namespace GridCase.Api.Auth.IssueToken;

public sealed record IssueTokenCommand(string? Username, string? Password) : ICommand<TokenResponse>;

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string TokenType, string Role, string Unit);
