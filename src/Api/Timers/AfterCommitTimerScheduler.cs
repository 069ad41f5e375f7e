using System.Threading.Channels;
using GridCase.Workflows.Ports;

namespace GridCase.Api.Timers;

/// <summary>The timer ids whose triggers should be brought in line with their rows, handed from request scopes to the reconciler.</summary>
public sealed class TimerScheduleRequests
{
    private readonly Channel<IReadOnlyCollection<string>> _channel = Channel.CreateUnbounded<IReadOnlyCollection<string>>(
        new UnboundedChannelOptions { SingleReader = true });

    private int _backlog;

    public ChannelReader<IReadOnlyCollection<string>> Reader => _channel.Reader;

    /// <summary>Batches posted and not read yet (a single-reader channel cannot count them itself).</summary>
    public int Backlog => Volatile.Read(ref _backlog);

    public void Post(IReadOnlyCollection<string> timerIds)
    {
        Interlocked.Increment(ref _backlog);
        _channel.Writer.TryWrite(timerIds);
    }

    public bool TryRead([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out IReadOnlyCollection<string> timerIds)
    {
        if (!_channel.Reader.TryRead(out timerIds))
        {
            return false;
        }

        Interlocked.Decrement(ref _backlog);
        return true;
    }
}

/// <summary>
/// The runtime's scheduler port. The runtime calls it inside the case's unit of work, before the outer transaction
/// commits, so it only records the ids; when the scope ends (after the commit) they go to the reconciler, which reads
/// the rows and schedules or removes triggers to match. A step that rolled back therefore schedules nothing, and a
/// crash before the hand-over is repaired by the reconciler's periodic sweep. Only timers due within
/// <see cref="TimerReconciler.Horizon"/> are handed over (only those can have a trigger); the sweep brings the
/// others into Quartz as their time comes near.
/// </summary>
public sealed class AfterCommitTimerScheduler(TimerScheduleRequests requests, TimeProvider clock) : ITimerScheduler, IDisposable
{
    private readonly HashSet<string> _timerIds = new(StringComparer.Ordinal);

    public Task ScheduleAsync(IReadOnlyList<TimerRecord> timers, CancellationToken cancellationToken = default)
    {
        Keep(timers);
        return Task.CompletedTask;
    }

    public Task CancelAsync(IReadOnlyList<TimerRecord> timers, CancellationToken cancellationToken = default)
    {
        Keep(timers);
        return Task.CompletedTask;
    }

    private void Keep(IReadOnlyList<TimerRecord> timers)
    {
        var horizon = TimerReconciler.HorizonEnd(clock);
        foreach (var timer in timers)
        {
            if (timer.DueAt <= horizon)
            {
                _timerIds.Add(timer.TimerId);
            }
        }
    }

    public void Dispose()
    {
        if (_timerIds.Count > 0)
        {
            requests.Post(_timerIds.ToArray());
            _timerIds.Clear();
        }
    }
}

/// <summary>For hosts that deliver timers by hand (tests on a moved clock): the rows are the schedule.</summary>
public sealed class RowsOnlyTimerScheduler : ITimerScheduler
{
    public Task ScheduleAsync(IReadOnlyList<TimerRecord> timers, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task CancelAsync(IReadOnlyList<TimerRecord> timers, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
