using GridCase.Api.Infrastructure;
using GridCase.Api.Workflows;
using GridCase.Workflows.Ports;

namespace GridCase.Api.Timers;

/// <summary>How due timers reach the engine. For now the database poller; Quartz replaces it with the durable-deadlines work.</summary>
public static class TimerServices
{
    public static IServiceCollection AddGridCaseTimers(this IServiceCollection services, GridCaseSettings settings)
    {
        _ = settings;
        services.AddSingleton<ITimerScheduler, DatabaseTimerScheduler>();
        services.AddHostedService<DueTimerPoller>();
        return services;
    }
}
