using GridCase.Persistence.Idempotency;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// Deletes the <c>Idempotency-Key</c> records older than <see cref="GridCaseSettings.IdempotencyRetention"/> every
/// <see cref="Interval"/> of wall-clock time (not at start: start-up stays free of writes, and a restart only delays
/// the next sweep), in batches of <see cref="Batch"/> rows (oldest first, by the index on
/// the claim time). On several nodes each sweeps; the deletes are idempotent.
/// </summary>
public sealed class IdempotencySweeper(IServiceScopeFactory scopes, GridCaseSettings settings, TimeProvider clock, ILogger<IdempotencySweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public const int Batch = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wall-clock ticks: the application's clock (a test's fake one included) only says what has expired.
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The sweep of expired idempotency keys failed; it runs again in {Interval}.", Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Deletes the expired keys now; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var cutoff = clock.GetUtcNow().UtcDateTime - settings.IdempotencyRetention;
        var deleted = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().SweepAsync(cutoff, Batch, cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Swept {Count} idempotency keys claimed before {Cutoff:u}.", deleted, cutoff);
        }

        return deleted;
    }
}
