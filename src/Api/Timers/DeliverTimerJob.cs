using Quartz;

namespace GridCase.Api.Timers;

/// <summary>
/// Fired by a timer's trigger: delivers that one timer. A row that is no longer pending makes it a no-op; a row not
/// yet due (a clock ahead of ours, an early trigger) is put back for its due time; a conflict is retried shortly.
/// </summary>
public sealed class DeliverTimerJob(TimerDelivery delivery, TimeProvider clock, ILogger<DeliverTimerJob> logger) : IJob
{
    public static readonly TimeSpan ConflictRetry = TimeSpan.FromSeconds(1);

    /// <summary>A delivery the case refuses (a definition the case file cannot follow) is retried this much later, not in a loop.</summary>
    public static readonly TimeSpan FailureRetry = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var timerId = context.Trigger.Key.Name;
        TimerDelivery.Outcome outcome;
        try
        {
            outcome = await delivery.DeliverAsync(timerId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Timer {TimerId} could not be delivered; trying again in {Retry}.", timerId, FailureRetry);
            await context.Scheduler.RescheduleJob(context.Trigger.Key, TimerTriggers.Build(timerId, clock.GetUtcNow().UtcDateTime + FailureRetry), cancellationToken);
            return;
        }

        var retryAt = outcome.Result switch
        {
            TimerDeliveryResult.TooEarly => outcome.DueAt!.Value,
            TimerDeliveryResult.Conflict => clock.GetUtcNow().UtcDateTime + ConflictRetry,
            _ => (DateTime?)null,
        };
        if (retryAt is { } at)
        {
            logger.LogDebug("Timer {TimerId}: {Result}; firing again at {At:O}.", timerId, outcome.Result, at);
            await context.Scheduler.RescheduleJob(context.Trigger.Key, TimerTriggers.Build(timerId, at), cancellationToken);
        }
    }
}
