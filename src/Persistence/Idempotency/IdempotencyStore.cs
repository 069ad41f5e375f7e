using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence.Idempotency;

public enum IdempotencyBegin
{
    /// <summary>The key is new (or an abandoned attempt was taken over): run the request.</summary>
    Started,

    /// <summary>The same request already finished: answer with the stored response.</summary>
    Replay,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,

    /// <summary>The same key is being processed right now.</summary>
    InFlight,
}

/// <summary>Claims and records idempotency keys. <see cref="BeginAsync"/> commits on its own, before the work.</summary>
public sealed class IdempotencyStore(GridCaseDb db)
{
    /// <summary>A pending key older than this belongs to a request that died; a repeat may take it over.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Claims the key (a transaction of its own, retried on a transient failure). A key that is already there is not
    /// an error: the insert does nothing (<c>ON CONFLICT DO NOTHING</c>, on SQLite and PostgreSQL alike), so a race of
    /// two repeats is settled without a failed statement in the logs.
    /// </summary>
    public Task<(IdempotencyBegin Outcome, IdempotencyRecord? Stored)> BeginAsync(
        string userId, string key, string requestHash, DateTime now, CancellationToken cancellationToken = default) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            ct => BeginOnceAsync(userId, key, requestHash, now, ct), cancellationToken);

    private async Task<(IdempotencyBegin Outcome, IdempotencyRecord? Stored)> BeginOnceAsync(
        string userId, string key, string requestHash, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        int inserted;
        await using (var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken))
        {
            inserted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO idempotency_keys ("UserId", "Key", "RequestHash", "StartedAt", "Done", "StatusCode") VALUES ({userId}, {key}, {requestHash}, {now}, {false}, {0}) ON CONFLICT DO NOTHING""",
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (inserted == 1)
        {
            return (IdempotencyBegin.Started, null);
        }

        var stored = await db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        if (stored is null)
        {
            // Swept or forgotten between the insert and this read: claim it again.
            return await BeginOnceAsync(userId, key, requestHash, now, cancellationToken);
        }

        if (stored.RequestHash != requestHash)
        {
            return (IdempotencyBegin.Mismatch, stored);
        }

        if (stored.Done)
        {
            return (IdempotencyBegin.Replay, stored);
        }

        if (now - stored.StartedAt < AbandonedAfter)
        {
            return (IdempotencyBegin.InFlight, stored);
        }

        int taken;
        await using (var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken))
        {
            taken = await db.Set<IdempotencyRecord>()
                .Where(r => r.UserId == userId && r.Key == key && !r.Done && r.StartedAt == stored.StartedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return taken == 1 ? (IdempotencyBegin.Started, null) : (IdempotencyBegin.InFlight, stored);
    }

    /// <summary>
    /// Records the response in the caller's unit of work (tracked), so it commits together with the work it
    /// describes: after a crash either both exist or neither.
    /// </summary>
    public async Task MarkDoneAsync(string userId, string key, int statusCode, string responseJson, string? location, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<IdempotencyRecord>().SingleAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        record.Done = true;
        record.StatusCode = statusCode;
        record.ResponseJson = responseJson;
        record.Location = location;
    }

    /// <summary>The finished record of this key, if the request finished (a retried unit of work checks it).</summary>
    public Task<IdempotencyRecord?> FindDoneAsync(string userId, string key, CancellationToken cancellationToken = default) =>
        db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key && r.Done, cancellationToken);

    /// <summary>Forgets a pending key whose request failed, so the client may try again.</summary>
    public Task ForgetPendingAsync(string userId, string key, CancellationToken cancellationToken = default) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await WriteTransaction.BeginAsync(db.Database, ct);
            await db.Set<IdempotencyRecord>().Where(r => r.UserId == userId && r.Key == key && !r.Done).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

    /// <summary>
    /// Deletes the keys claimed before <paramref name="cutoff"/>, <paramref name="batch"/> rows per transaction (by the
    /// index on the claim time), so the sweep never holds the table or the SQLite writer's turn for long.
    /// Returns how many were deleted.
    /// </summary>
    public async Task<int> SweepAsync(DateTime cutoff, int batch, CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var deleted = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await WriteTransaction.BeginAsync(db.Database, ct);
                var rows = await db.Set<IdempotencyRecord>()
                    .Where(r => r.StartedAt < cutoff)
                    .OrderBy(r => r.StartedAt)
                    .Take(batch)
                    .ExecuteDeleteAsync(ct);
                await transaction.CommitAsync(ct);
                return rows;
            }, cancellationToken);
            total += deleted;
            if (deleted < batch)
            {
                return total;
            }
        }
    }
}
