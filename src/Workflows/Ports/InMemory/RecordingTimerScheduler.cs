namespace GridCase.Workflows.Ports.InMemory;

/// <summary>Remembers what it was asked to schedule; a test (or a poller) delivers the timers.</summary>
public sealed class RecordingTimerScheduler : ITimerScheduler
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TimerRecord> _scheduled = new(StringComparer.Ordinal);

    public IReadOnlyList<TimerRecord> Scheduled
    {
        get
        {
            lock (_lock)
            {
                return _scheduled.Values.OrderBy(t => t.DueAt).ThenBy(t => t.TimerId, StringComparer.Ordinal).ToList();
            }
        }
    }

    public Task ScheduleAsync(IReadOnlyList<TimerRecord> timers, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            foreach (var timer in timers)
            {
                _scheduled[timer.TimerId] = timer;
            }
        }

        return Task.CompletedTask;
    }

    public Task CancelAsync(IReadOnlyList<TimerRecord> timers, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            foreach (var timer in timers)
            {
                _scheduled.Remove(timer.TimerId);
            }
        }

        return Task.CompletedTask;
    }
}
