using System.Text;

namespace GridCase.Api.Tasks.Stream;

public static class TaskStreamEndpoint
{
    /// <summary>How often a quiet stream sends a comment, so proxies and the browser keep it open.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void MapTaskStream(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tasks/stream", async (HttpContext context, TaskChangeHub hub, CancellationToken ct) =>
            {
                context.Response.ContentType = "text/event-stream";
                context.Response.Headers.CacheControl = "no-cache, no-store";
                context.Response.Headers["X-Accel-Buffering"] = "no";
                using var subscription = hub.Subscribe();
                await WriteAsync(context, ": open\n\n", ct);
                try
                {
                    while (!ct.IsCancellationRequested)
                    {
                        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
                        quiet.CancelAfter(Heartbeat);
                        try
                        {
                            await subscription.Reader.ReadAsync(quiet.Token);
                            await WriteAsync(context, "event: tasks\ndata: {}\n\n", ct);
                        }
                        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                        {
                            await WriteAsync(context, ": keep-alive\n\n", ct);
                        }
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // the client went away
                }
            })
            .WithTags("Tasks")
            .WithSummary("Server-Sent Events: `tasks` whenever a task opens, closes or changes; refetch the queue on it.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
    }

    private static async Task WriteAsync(HttpContext context, string text, CancellationToken ct)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
        await context.Response.Body.FlushAsync(ct);
    }
}
