using GridCase.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GridCase.Api.Health;

/// <summary>Ready once the database is migrated (and seeded in demo mode) and still answers.</summary>
public sealed class DatabaseReadyCheck(GridCaseDb db, StartupState startup) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!startup.DatabaseReady)
        {
            return HealthCheckResult.Unhealthy("The database is not migrated yet.");
        }

        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}

public sealed class StartupState
{
    public volatile bool DatabaseReady;
}
