using GridCase.Api.Auth.SignInProtection;
using Mediator;

namespace GridCase.Api.Auth.IssueToken;

public static class IssueTokenEndpoint
{
    public static void MapIssueToken(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/token", async (IssueTokenCommand? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(body ?? new IssueTokenCommand(null, null), ct)))
            .AllowAnonymous()
            .RequireSignInLimits()
            .WithTags("Auth")
            .WithSummary("Sign in: a bearer token for a user name and password.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
