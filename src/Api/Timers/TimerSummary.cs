using GridCase.Domain.Organisation;
using GridCase.Persistence;
using GridCase.Workflows.Ports;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Timers;

/// <summary>
/// What an administrator watching deadlines wants at a glance: timers waiting, timers past due and not yet delivered
/// (should be zero on a healthy node), open tasks past their due time, and the next due time.
/// </summary>
public sealed record TimerSummaryResponse(int Pending, int DueNow, int OverdueTasks, DateTime? NextDueAt);

public static class TimerSummaryEndpoint
{
    public static void MapTimers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/timers/summary", async (GridCaseDb db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await SummarizeAsync(db, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(p => p.RequireRole(nameof(Role.PolicyAdmin), nameof(Role.Auditor)))
            .WithTags("Timers")
            .WithSummary("Counts of pending and overdue timers, for administrators and auditors.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static async Task<TimerSummaryResponse> SummarizeAsync(GridCaseDb db, DateTime now, CancellationToken cancellationToken)
    {
        var pending = db.WorkflowTimers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending);
        var count = await pending.CountAsync(cancellationToken);
        var dueNow = await pending.CountAsync(t => t.DueAt <= now, cancellationToken);
        var next = await pending.OrderBy(t => t.DueAt).Select(t => (DateTime?)t.DueAt).FirstOrDefaultAsync(cancellationToken);
        var overdueTasks = await db.WorkflowTasks.AsNoTracking()
            .CountAsync(t => t.Status == WorkTaskStatus.Open && (t.Overdue || t.DueAt <= now), cancellationToken);
        return new TimerSummaryResponse(count, dueNow, overdueTasks, next is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null);
    }
}
