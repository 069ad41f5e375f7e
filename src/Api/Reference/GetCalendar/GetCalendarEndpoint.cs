using Mediator;

namespace GridCase.Api.Reference.GetCalendar;

public static class GetCalendarEndpoint
{
    public static void MapGetCalendar(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/calendar/{year:int}", async (int year, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCalendarQuery(year), ct)))
            .WithTags("Reference")
            .WithSummary("Public holidays and make-up working days (调休) of a year, and the office hours.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
