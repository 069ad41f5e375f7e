using GridCase.Api.Infrastructure;
using GridCase.Persistence;
using GridCase.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace GridCase.Api.Timers;

/// <summary>
/// Durable timers: the rows in <c>workflow_timers</c> are the truth, Quartz's persistent store (in the same database)
/// fires one trigger per pending row due within the reconciler's horizon, and the reconciler keeps the two in line.
/// Clustered on PostgreSQL.
/// </summary>
public static class TimerServices
{
    public const string SchedulerName = "gridcase";

    public static IServiceCollection AddGridCaseTimers(this IServiceCollection services, GridCaseSettings settings)
    {
        services.AddSingleton<TimerDelivery>();
        services.AddSingleton<TimerScheduleRequests>();
        services.AddScoped<ITimerScheduler, AfterCommitTimerScheduler>();
        services.AddSingleton<TimerReconciler>();

        var database = settings.Persistence;
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = SchedulerName;
                o.InstanceId = $"{Environment.MachineName}-{Guid.NewGuid():N}";
            });
            q.UsePersistentStore(s =>
            {
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    s.UsePostgres(database.ConnectionString);
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(10);
                    });
                }
                else
                {
                    s.UseSqlite(database.ConnectionString);
                }

                s.ProvisionSchema();
            });
            q.AddJob<DeliverTimerJob>(j => j.WithIdentity(TimerTriggers.Job).StoreDurably());
        });
        var hostedBefore = services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService(sp => sp.GetRequiredService<TimerReconciler>());
        services.AddSingleton(new TimerHostedServices(services.Where(d => d.ServiceType == typeof(IHostedService)).Except(hostedBefore).ToList()));
        services.AddHealthChecks().AddQuartz(o => o.Tags.Add("ready"));
        return services;
    }

    /// <summary>
    /// For hosts whose clock a test moves by hand: nothing fires on its own, the test delivers with
    /// <see cref="TimerDelivery.DeliverDueAsync"/>.
    /// </summary>
    public static IServiceCollection RemoveTimerDelivery(this IServiceCollection services)
    {
        var hosted = services.Select(d => d.ImplementationInstance).OfType<TimerHostedServices>().Single();
        foreach (var descriptor in hosted.Descriptors)
        {
            services.Remove(descriptor);
        }

        services.Replace(ServiceDescriptor.Scoped<ITimerScheduler, RowsOnlyTimerScheduler>());
        return services;
    }
}

/// <summary>The hosted services that make timers fire on their own (the Quartz scheduler, the reconciler).</summary>
public sealed record TimerHostedServices(IReadOnlyList<ServiceDescriptor> Descriptors);
