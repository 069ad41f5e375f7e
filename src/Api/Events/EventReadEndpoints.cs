namespace GridCase.Api.Events;

/// <summary>The read side of events and queues: lists, detail, the task queue.</summary>
public static class EventReadEndpoints
{
    public static void MapEventReads(this IEndpointRouteBuilder app)
    {
    }
}
