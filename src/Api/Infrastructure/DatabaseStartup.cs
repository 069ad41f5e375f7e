using GridCase.Api.Demo;
using GridCase.Api.Health;
using GridCase.Persistence;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// Migrates the database (and seeds the demo city in demo mode) before the server starts listening,
/// then marks the node ready. The time of each phase is logged.
/// </summary>
public sealed class DatabaseStartup(IServiceScopeFactory scopes, GridCaseSettings settings, StartupState state, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Database start-up begins {Elapsed} ms after the process started.",
                (int)(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds);
        }
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        var phase = started;
        int Lap()
        {
            var now = clock.GetTimestamp();
            var ms = (int)clock.GetElapsedTime(phase, now).TotalMilliseconds;
            phase = now;
            return ms;
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        var migrate = Lap();
        if (settings.Demo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<GridCase.Api.Administration.Bootstrap>().RunAsync(cancellationToken);

        var seed = Lap();
        await scope.ServiceProvider.GetRequiredService<GridCase.Api.Workflows.ShippedDefinitions>().ImportAsync(cancellationToken);
        var import = Lap();
        await scope.ServiceProvider.GetRequiredService<GridCase.Api.Administration.ReferenceData>().RefreshAsync(cancellationToken);
        var org = Lap();
        state.DatabaseReady = true;
        logger.LogInformation("Database ready ({Provider}) in {Elapsed} ms: migrations {Migrate} ms, demo data {Seed} ms, shipped definitions {Import} ms, organisation and calendar {Org} ms.",
            settings.Persistence.Provider, (int)clock.GetElapsedTime(started).TotalMilliseconds, migrate, seed, import, org);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
