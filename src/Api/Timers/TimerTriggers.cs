using Quartz;

namespace GridCase.Api.Timers;

/// <summary>One Quartz trigger per pending timer row: key = timer id, fire time = the row's due time, never earlier.</summary>
public static class TimerTriggers
{
    public const string Group = "gridcase-timers";

    public static readonly JobKey Job = new("deliver-timer", "gridcase");

    public static TriggerKey KeyOf(string timerId) => new(timerId, Group);

    public static ITrigger Build(string timerId, DateTime dueAtUtc) => TriggerBuilder.Create()
        .WithIdentity(KeyOf(timerId))
        .ForJob(Job)
        .StartAt(new DateTimeOffset(DateTime.SpecifyKind(dueAtUtc, DateTimeKind.Utc)))
        // After downtime a missed deadline fires at once rather than never.
        .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();
}
