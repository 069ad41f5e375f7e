using GridCase.Api.Administration.Calendar;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GridCase.Api.Health;

/// <summary>
/// Degraded (still ready: HTTP 200) while a holiday schedule the calendar needs now is missing, so monitoring notices
/// before deadlines silently count next year as a plain Monday-to-Friday week.
/// </summary>
public sealed class CalendarReadyCheck(CalendarWarnings warnings) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = warnings.Current();
        return Task.FromResult(current.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded(string.Join(" ", current.Select(w => w.Message))));
    }
}
