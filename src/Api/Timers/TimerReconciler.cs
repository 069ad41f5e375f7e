using GridCase.Persistence;
using GridCase.Workflows.Ports;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace GridCase.Api.Timers;

/// <summary>
/// Keeps Quartz's triggers in line with the timer rows: every pending row due within <see cref="Horizon"/> has a
/// trigger at its due time (key = timer id), and no trigger outlives its row. At start-up and every
/// <see cref="Interval"/> it sweeps the rows due within the horizon (which also closes the crash window between a
/// commit and its hand-over); in between it handles the ids the request scopes post after commit. Idempotent, and
/// safe on every node of a cluster at once: an existing pending trigger is kept, never doubled.
/// </summary>
/// <remarks>
/// Most deadlines lie hours or working days ahead and most are cancelled before they come due (the task is done in
/// time). Keeping them out of Quartz until they are near spares every command two to four Quartz store
/// transactions (schedule the new task's warning and overdue triggers, remove the old ones) on the database's one
/// writer; a row is the truth either way, and the sweep hands it over minutes before it is due.
/// </remarks>
public sealed class TimerReconciler(
    IServiceScopeFactory scopes, ISchedulerFactory schedulers, TimerScheduleRequests requests, TimeProvider clock, ILogger<TimerReconciler> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>How far ahead timers have triggers in Quartz; many sweeps fall within it, so none is handed over late.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromMinutes(10);

    /// <summary>Timers due at or before this instant may have a trigger.</summary>
    public static DateTime HorizonEnd(TimeProvider clock) => clock.GetUtcNow().UtcDateTime + Horizon;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= nextSweep)
                {
                    await ReconcileAllAsync(stoppingToken);
                    nextSweep = clock.GetUtcNow() + Interval;
                }

                var wait = nextSweep - clock.GetUtcNow();
                var posted = requests.Reader.WaitToReadAsync(stoppingToken).AsTask();
                await Task.WhenAny(posted, Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, stoppingToken));
                var ids = new HashSet<string>(StringComparer.Ordinal);
                while (requests.TryRead(out var batch))
                {
                    ids.UnionWith(batch);
                }

                if (ids.Count > 0)
                {
                    await ReconcileAsync(ids, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Reconciling timer triggers failed; the next sweep retries.");
                nextSweep = clock.GetUtcNow() + Interval;
            }
        }
    }

    /// <summary>
    /// Schedules every pending row due within the horizon that has no trigger and removes every trigger whose row is
    /// not pending.
    /// </summary>
    public async Task<(int Scheduled, int Removed)> ReconcileAllAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Triggers first, rows second: a trigger seen here was scheduled for a row committed before, so a row that is
        // not pending in the later read is really done with; a row scheduled in between is merely kept.
        var triggers = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(TimerTriggers.Group), cancellationToken);
        Dictionary<string, DateTime> pending;
        var horizon = HorizonEnd(clock);
        await using (var scope = scopes.CreateAsyncScope())
        {
            pending = await scope.ServiceProvider.GetRequiredService<GridCaseDb>().WorkflowTimers.AsNoTracking()
                .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= horizon)
                .Select(t => new { t.TimerId, t.DueAt })
                .ToDictionaryAsync(t => t.TimerId, t => t.DueAt, StringComparer.Ordinal, cancellationToken);
        }

        var present = triggers.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var scheduled = 0;
        foreach (var (timerId, dueAt) in pending.Where(p => !present.Contains(p.Key)))
        {
            await scheduler.ScheduleTrigger(TimerTriggers.Build(timerId, dueAt), TriggerConflict.Keep, cancellationToken);
            scheduled++;
        }

        var stale = triggers.Where(k => !pending.ContainsKey(k.Name)).ToList();
        if (stale.Count > 0)
        {
            await scheduler.UnscheduleJobs(stale, cancellationToken);
        }

        if (scheduled > 0 || stale.Count > 0)
        {
            logger.LogInformation("Timer triggers reconciled: {Scheduled} scheduled, {Removed} removed.", scheduled, stale.Count);
        }

        return (scheduled, stale.Count);
    }

    /// <summary>Brings the triggers of the given timers in line with their rows.</summary>
    public async Task ReconcileAsync(IReadOnlyCollection<string> timerIds, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        Dictionary<string, DateTime> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            pending = await scope.ServiceProvider.GetRequiredService<GridCaseDb>().WorkflowTimers.AsNoTracking()
                .Where(t => timerIds.Contains(t.TimerId) && t.Status == TimerStatus.Pending)
                .Select(t => new { t.TimerId, t.DueAt })
                .ToDictionaryAsync(t => t.TimerId, t => t.DueAt, StringComparer.Ordinal, cancellationToken);
        }

        foreach (var (timerId, dueAt) in pending.Where(p => p.Value <= HorizonEnd(clock)))
        {
            await scheduler.ScheduleTrigger(TimerTriggers.Build(timerId, dueAt), TriggerConflict.Keep, cancellationToken);
        }

        var done = timerIds.Where(id => !pending.ContainsKey(id)).Select(TimerTriggers.KeyOf).ToList();
        if (done.Count > 0)
        {
            await scheduler.UnscheduleJobs(done, cancellationToken);
        }
    }
}
