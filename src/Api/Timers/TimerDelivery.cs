using GridCase.Api.Events;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Cases;
using GridCase.Persistence;
using GridCase.Persistence.Cases;
using GridCase.Workflows.Ports;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Timers;

public enum TimerDeliveryResult
{
    /// <summary>The engine took the timer: its row is fired now.</summary>
    Delivered,

    /// <summary>The row is gone, fired or cancelled: nothing to do, which is what makes a second firing harmless.</summary>
    NotPending,

    /// <summary>The row is not due yet; deliver it again at <see cref="TimerDelivery.Outcome.DueAt"/>.</summary>
    TooEarly,

    /// <summary>Someone else moved the case meanwhile; the row is still pending, so try again shortly.</summary>
    Conflict,
}

/// <summary>
/// Delivers timers from their database rows (the truth) through the case's unit of work, so the case file follows
/// (escalation, 督办). Each delivery has a scope of its own. Delivering twice is harmless: a row that is no longer
/// pending is skipped, and the interpreter ignores a timer it no longer has and refuses one not yet due.
/// </summary>
public sealed class TimerDelivery(IServiceScopeFactory scopes, TimeProvider clock)
{
    public sealed record Outcome(TimerDeliveryResult Result, DateTime? DueAt = null);

    /// <summary>Delivers one timer by id (what a Quartz trigger does).</summary>
    public async Task<Outcome> DeliverAsync(string timerId, CancellationToken cancellationToken)
    {
        TimerRecord? record;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<GridCaseDb>().WorkflowTimers.AsNoTracking()
                .FirstOrDefaultAsync(t => t.TimerId == timerId, cancellationToken);
            record = row is null ? null : new TimerRecord(row.TimerId, row.InstanceId, row.NodeId, row.Purpose, row.DueAt, row.Status);
        }

        if (record is not { Status: TimerStatus.Pending })
        {
            return new Outcome(TimerDeliveryResult.NotPending);
        }

        return await DeliverAsync(record, cancellationToken);
    }

    /// <summary>Delivers every pending timer due now, earliest first; returns how many were due.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<TimerRecord> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<ITaskStore>().PendingTimersAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        foreach (var record in due)
        {
            await DeliverAsync(record, cancellationToken);
        }

        return due.Count;
    }

    private async Task<Outcome> DeliverAsync(TimerRecord record, CancellationToken cancellationToken)
    {
        var dueAt = DateTime.SpecifyKind(record.DueAt, DateTimeKind.Utc);
        var now = clock.GetUtcNow();
        if (now.UtcDateTime < dueAt)
        {
            return new Outcome(TimerDeliveryResult.TooEarly, dueAt);
        }

        using var span = GridCaseTelemetry.Engine.StartActivity("timer.deliver");
        span?.SetTag(GridCaseTelemetry.CaseIdTag, record.InstanceId.ToString());
        span?.SetTag("gridcase.timer_id", record.TimerId);
        span?.SetTag("gridcase.timer_purpose", record.Purpose.ToString());
        var delivered = await DeliverNowAsync(record, dueAt, now, cancellationToken);
        span?.SetTag("gridcase.result", delivered.Result.ToString());
        if (delivered.Result == TimerDeliveryResult.Delivered)
        {
            GridCaseTelemetry.TimerLag.Record(Math.Max(0, (now.UtcDateTime - dueAt).TotalSeconds),
                new KeyValuePair<string, object?>("purpose", record.Purpose.ToString()));
        }

        return delivered;
    }

    private async Task<Outcome> DeliverNowAsync(TimerRecord record, DateTime dueAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var stimulus = new TimerFiredStimulus(record.TimerId, now);
        try
        {
            var subject = await services.GetRequiredService<CaseStore>().FindAsync(new CaseId(record.InstanceId), cancellationToken);
            if (subject is null)
            {
                var outcome = await services.GetRequiredService<WorkflowRuntime>().SendAsync(record.InstanceId, stimulus, cancellationToken);
                return Classify(outcome.Refusal, outcome.Entries.Count, dueAt);
            }

            var workflow = services.GetRequiredService<CaseWorkflow>();
            await workflow.RunAsync(async () => (0, await workflow.SendAsync(subject, stimulus, cancellationToken)), 0, _ => null, cancellationToken);
            return new Outcome(TimerDeliveryResult.Delivered);
        }
        catch (RefusalException refused)
        {
            return Classify(refused.Refusal, 0, dueAt);
        }
        catch (Exception ex) when (ex is WorkflowConcurrencyException or ConcurrencyConflictException)
        {
            return new Outcome(TimerDeliveryResult.Conflict);
        }
    }

    private static Outcome Classify(Refusal? refusal, int entries, DateTime dueAt) => refusal switch
    {
        { Kind: RefusalKind.TooEarly } => new Outcome(TimerDeliveryResult.TooEarly, dueAt),
        _ when entries > 0 => new Outcome(TimerDeliveryResult.Delivered),
        _ => new Outcome(TimerDeliveryResult.NotPending),
    };
}
