using GridCase.Api.Demo;
using GridCase.Api.Health;
using GridCase.Persistence;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// Migrates the database (and seeds the demo city in demo mode) before the server starts listening,
/// then marks the node ready.
/// </summary>
public sealed class DatabaseStartup(IServiceScopeFactory scopes, GridCaseSettings settings, StartupState state, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        if (settings.Demo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<GridCase.Api.Workflows.ShippedDefinitions>().ImportAsync(cancellationToken);
        var directory = await scope.ServiceProvider.GetRequiredService<GridCase.Persistence.Organisation.OrgStore>().LoadDirectoryAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<OrgSnapshot>().Replace(directory);
        state.DatabaseReady = true;
        logger.LogInformation("Database ready ({Provider}) in {Elapsed} ms.",
            settings.Persistence.Provider, (int)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
