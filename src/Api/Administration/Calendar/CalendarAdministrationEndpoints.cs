using System.Security.Claims;
using GridCase.Api.Administration.Calendar.UploadCalendar;
using GridCase.Api.Administration.Warnings;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Organisation;
using Mediator;

namespace GridCase.Api.Administration.Calendar;

public static class CalendarAdministrationEndpoints
{
    public static void MapCalendarAdministration(this IEndpointRouteBuilder admin)
    {
        // The holiday schedule is national (国务院办公厅通知): only a city's system administrators upload it.
        admin.MapPut("/calendar/{year:int}", async (int year, UploadCalendarCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(body with { RouteYear = year, Caller = user.ToActor() }, ct)))
            .RequireAuthorization(policy => policy
                .RequireRole(nameof(Role.SystemAdmin))
                .RequireAssertion(context => UnitCode.TryParse(context.User.FindFirst(GridCaseClaims.Unit)?.Value, out var unit) && unit.AreaLevel == OrgLevel.City))
            .WithSummary("Upload a year's public holidays and make-up working days (调休), as in the shipped files; deadlines follow it at once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("/warnings", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListWarningsQuery(), ct)))
            .RequireAuthorization(AdministrationRoutes.SystemAdminOnly)
            .WithSummary("What administrators must act on, e.g. next year's holiday schedule missing from 1 December.");
    }
}
