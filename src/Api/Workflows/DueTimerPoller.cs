using GridCase.Workflows.Ports;
using GridCase.Workflows.Runtime;

namespace GridCase.Api.Workflows;

/// <summary>
/// Delivers due timers from their database rows (the truth) once a second. Delivering twice is harmless: the
/// interpreter ignores a timer that is no longer pending, and refuses one that is not yet due.
/// </summary>
public sealed class DueTimerPoller(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DueTimerPoller> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Delivering due timers failed; will retry.");
            }
        }
    }

    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = clock.GetUtcNow();
        var due = await scope.ServiceProvider.GetRequiredService<ITaskStore>().PendingTimersAsync(now.UtcDateTime, cancellationToken);
        foreach (var record in due)
        {
            await using var delivery = scopes.CreateAsyncScope();
            try
            {
                await DeliverAsync(delivery.ServiceProvider, record, now, cancellationToken);
            }
            catch (Exception ex) when (ex is WorkflowConcurrencyException or GridCase.Persistence.Cases.ConcurrencyConflictException)
            {
                // Someone else moved the case meanwhile; the row is still pending if the timer still matters.
            }
        }

        return due.Count;
    }

    /// <summary>A timer of a case goes through the case's unit of work, so the case file follows (escalation, 督办).</summary>
    private static async Task DeliverAsync(IServiceProvider services, TimerRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stimulus = new TimerFiredStimulus(record.TimerId, now);
        var subject = await services.GetRequiredService<GridCase.Persistence.Cases.CaseStore>()
            .FindAsync(new GridCase.Domain.Cases.CaseId(record.InstanceId), cancellationToken);
        if (subject is null)
        {
            await services.GetRequiredService<WorkflowRuntime>().SendAsync(record.InstanceId, stimulus, cancellationToken);
            return;
        }

        var workflow = services.GetRequiredService<GridCase.Api.Events.CaseWorkflow>();
        try
        {
            await workflow.RunAsync(async () => (0, await workflow.SendAsync(subject, stimulus, cancellationToken)), 0, _ => null, cancellationToken);
        }
        catch (GridCase.Api.Events.RefusalException)
        {
            // Already fired or not yet due: delivering twice changes nothing.
        }
    }
}

/// <summary>The rows are the schedule: <see cref="DueTimerPoller"/> reads them, so there is nothing to hand over.</summary>
public sealed class DatabaseTimerScheduler : ITimerScheduler
{
    public Task ScheduleAsync(IReadOnlyList<TimerRecord> timers, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task CancelAsync(IReadOnlyList<string> timerIds, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
