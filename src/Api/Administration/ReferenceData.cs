using GridCase.Api.Health;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Calendar;
using GridCase.Persistence;
using GridCase.Persistence.Administration;
using GridCase.Persistence.Organisation;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration;

/// <summary>
/// Keeps the in-memory organisation tree and working calendar equal to the database: loads them at start-up, again
/// right after a change made on this node, and when the version counters show a change made on another node.
/// </summary>
public sealed class ReferenceData(IServiceScopeFactory scopes, OrgSnapshot org, CalendarSnapshot calendar)
{
    private long _orgVersion = -1;
    private long _calendarVersion = -1;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Reloads whatever changed since the last load (everything on the first call).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
            var versions = await db.ReferenceVersions.AsNoTracking().ToDictionaryAsync(v => v.Name, v => v.Version, cancellationToken);
            var orgVersion = versions.GetValueOrDefault(ReferenceVersionRow.Organisation);
            var calendarVersion = versions.GetValueOrDefault(ReferenceVersionRow.Calendar);
            if (orgVersion != _orgVersion)
            {
                org.Replace(await scope.ServiceProvider.GetRequiredService<OrgStore>().LoadDirectoryAsync(cancellationToken));
                _orgVersion = orgVersion;
            }

            if (calendarVersion != _calendarVersion)
            {
                var documents = await db.HolidaySchedules.AsNoTracking().Select(s => s.Document).ToListAsync(cancellationToken);
                calendar.Replace(documents.Select(HolidaySchedule.FromJson));
                _calendarVersion = calendarVersion;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Polls the reference-data versions so that a change made on another node reaches this one within seconds.</summary>
public sealed class ReferenceDataRefresher(ReferenceData referenceData, StartupState startup, ILogger<ReferenceDataRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!startup.DatabaseReady)
            {
                continue;
            }

            try
            {
                await referenceData.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reloading reference data failed; trying again in {Interval}.", Interval);
            }
        }
    }
}
