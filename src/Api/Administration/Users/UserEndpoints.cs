using System.Security.Claims;
using GridCase.Api.Administration.Users.ChangeUser;
using GridCase.Api.Administration.Users.CreateUser;
using GridCase.Api.Administration.Users.DisableUser;
using GridCase.Api.Administration.Users.EnableUser;
using GridCase.Api.Administration.Users.GetUser;
using GridCase.Api.Administration.Users.Handover;
using GridCase.Api.Administration.Import;
using GridCase.Api.Administration.Users.ImportUsers;
using GridCase.Api.Administration.Users.ListUsers;
using GridCase.Api.Administration.Users.ResetPassword;
using GridCase.Api.Auth;
using GridCase.Api.Infrastructure;
using Mediator;

namespace GridCase.Api.Administration.Users;

/// <summary>User administration (用户管理) for system administrators, each within its own area.</summary>
public static class UserEndpoints
{
    public static IServiceCollection AddUserAdministration(this IServiceCollection services) => services
        .AddMemoryCache()
        .AddSingleton<LiveAccounts>()
        .AddScoped<UserWrites>()
        .AddScoped<ClaimRelease>()
        .AddScoped<Departure>();

    public static void MapUsers(this IEndpointRouteBuilder admin)
    {
        var users = admin.MapGroup("/users").RequireAuthorization(AdministrationRoutes.SystemAdminOnly)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapGet("", async (string? unit, string? role, string? q, string? status, string? after, int? limit, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListUsersQuery(unit, role, q, status, after, limit, user.ToActor()), ct)))
            .WithSummary("The users of your area by user name, a page at a time (after = the last name of the page before); search by name.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapGet("/{userName}", async (string userName, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetUserQuery(userName, user.ToActor()), ct)))
            .WithSummary("One user of your area.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("", async (CreateUserCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(body with { Caller = user.ToActor() }, ct);
                return TypedResults.Created($"/api/admin/users/{Uri.EscapeDataString(created.UserName)}", created);
            })
            .WithSummary("Create a user whose role fits the unit; a second active grid member of a grid is 409 naming the current one.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        users.MapPatch("/{userName}", async (string userName, ChangeUserCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(body with { UserName = userName, Caller = user.ToActor() }, ct)))
            .WithSummary("Rename a user or move them to another role or unit; their claimed tasks go back to their old unit's queue.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        users.MapPost("/{userName}/disable", async (string userName, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new DisableUserCommand(userName, user.ToActor()), ct)))
            .WithSummary("Disable a user: no more sign-in, their tokens stop working, their claimed tasks go back to the queue.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{userName}/enable", async (string userName, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new EnableUserCommand(userName, user.ToActor()), ct)))
            .WithSummary("Enable a disabled user (one active grid member per grid).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        users.MapPost("/{userName}/reset-password", async (string userName, ResetPasswordCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                await m.Send(body with { UserName = userName, Caller = user.ToActor() }, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Set a new password (at least 8 characters); the user's tokens stop working.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{userName}/handover", async (string userName, HandoverCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(body with { UserName = userName, Caller = user.ToActor() }, ct)))
            .WithSummary("Hand over to a successor: disables the leaving user and records the successor; create or enable the successor next.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/import", async (HttpRequest request, bool? dryRun, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                return await CsvImport.ReadTextAsync(request.Body, ct) is { } text
                    ? TypedResults.Ok(await m.Send(new ImportUsersCommand(text, dryRun ?? true, user.ToActor()), ct))
                    : CsvImport.EncodingRefused();
            })
            .Accepts<string>("text/csv")
            .WithSummary("Import users from CSV (userName, displayName, role, unitCode, password): dryRun=true (the default, as for units) lists every bad line and field; dryRun=false writes all or nothing.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
