using System.Diagnostics.Metrics;
using GridCase.Api.Timers;
using GridCase.Persistence;
using GridCase.Workflows.Ports;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Infrastructure;

/// <summary>How often the database-backed gauges are refreshed (GridCase:Telemetry:GaugeInterval).</summary>
public sealed record GaugeInterval(TimeSpan Value);

/// <summary>
/// The values behind the gauges that need the database: open and overdue tasks per unit queue and timers past due.
/// A scrape never queries: it reads the last snapshot, which this service refreshes every
/// <see cref="GaugeInterval"/>. A refresh asks the task index (queue, status, due time) for the open tasks of the known
/// units, a chunk of units per query, so it reads the open tasks and never the closed ones (a county with 1M cases keeps
/// millions of closed tasks), and counts the timers past due on the (status, due time) index. Overdue is the task's own
/// flag, set when its deadline fires — the same rule as the queue's 超期 filter, so the gauge and the queue agree.
/// </summary>
public sealed class OperationalGauges(IServiceScopeFactory scopes, OrgSnapshot org, TimerScheduleRequests scheduleRequests, TimeProvider clock,
    GaugeInterval interval, ILogger<OperationalGauges> logger) : BackgroundService
{
    public sealed class Snapshot(IReadOnlyDictionary<string, (int Open, int Overdue)> tasks, int timersDue)
    {
        public static Snapshot Empty { get; } = new(new Dictionary<string, (int, int)>(), 0);

        public IReadOnlyDictionary<string, (int Open, int Overdue)> TaskCounts => tasks;

        public int TimersDue => timersDue;

        public IEnumerable<Measurement<int>> Tasks(bool open) =>
            tasks.Select(q => new Measurement<int>(open ? q.Value.Open : q.Value.Overdue, new KeyValuePair<string, object?>("unit", q.Key)));
    }

    private const int UnitsPerQuery = 500;

    private static volatile Snapshot _current = Snapshot.Empty;
    private static volatile TimerScheduleRequests? _requests;

    /// <summary>The last refreshed values (one host per process in production; in tests the last host to refresh).</summary>
    public static Snapshot Current => _current;

    public static int ScheduleBacklog() => _requests?.Backlog ?? 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _requests = scheduleRequests;
        GridCaseTelemetry.EnsureInstruments();
        // Wall-clock ticks: the application's clock (a test's fake one included) only says what is overdue.
        using var timer = new PeriodicTimer(interval.Value, TimeProvider.System);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may not be ready yet (start-up, a restart of PostgreSQL): keep the last values.
                logger.LogDebug(ex, "Refreshing the operational gauges failed; keeping the last values.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Reads the counts now and makes them the current snapshot.</summary>
    public async Task<Snapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        var counts = new Dictionary<string, (int Open, int Overdue)>(StringComparer.Ordinal);
        // A queue seen once stays in the series (at zero) so that a unit emptying its queue is seen going to zero.
        foreach (var known in _current.TaskCounts.Keys)
        {
            counts[known] = (0, 0);
        }

        foreach (var chunk in org.Current.Units.Select(u => u.Code.Value).Chunk(UnitsPerQuery))
        {
            var rows = await db.WorkflowTasks.AsNoTracking()
                .Where(t => chunk.Contains(t.Queue) && t.Status == WorkTaskStatus.Open)
                .GroupBy(t => t.Queue)
                .Select(g => new { Queue = g.Key, Open = g.Count(), Overdue = g.Count(t => t.Overdue) })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                counts[row.Queue] = (row.Open, row.Overdue);
            }
        }

        var timersDue = await db.WorkflowTimers.AsNoTracking().CountAsync(t => t.Status == TimerStatus.Pending && t.DueAt <= now, cancellationToken);
        var snapshot = new Snapshot(counts, timersDue);
        _current = snapshot;
        return snapshot;
    }
}
