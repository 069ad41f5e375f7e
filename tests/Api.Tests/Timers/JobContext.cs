using System.Reflection;
using Quartz;

namespace GridCase.Api.Tests.Timers;

/// <summary>The two members of a firing a timer job reads (its trigger, the scheduler); every other member is default.</summary>
public class JobContext : DispatchProxy
{
    private ITrigger _trigger = null!;
    private IScheduler _scheduler = null!;

    public static IJobExecutionContext For(ITrigger trigger, IScheduler scheduler)
    {
        var context = Create<IJobExecutionContext, JobContext>();
        var proxy = (JobContext)(object)context;
        proxy._trigger = trigger;
        proxy._scheduler = scheduler;
        return context;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "get_Trigger" => _trigger,
        "get_Scheduler" => _scheduler,
        _ => targetMethod is { ReturnType.IsValueType: true } m && m.ReturnType != typeof(void) ? Activator.CreateInstance(m.ReturnType) : null,
    };
}
