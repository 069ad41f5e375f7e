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

    public async Task<(IdempotencyBegin Outcome, IdempotencyRecord? Stored)> BeginAsync(
        string userId, string key, string requestHash, DateTime now, CancellationToken cancellationToken = default)
    {
        db.Add(new IdempotencyRecord { UserId = userId, Key = key, RequestHash = requestHash, StartedAt = now });
        try
        {
            await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (IdempotencyBegin.Started, null);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        var stored = await db.Set<IdempotencyRecord>().SingleAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
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

    /// <summary>Forgets a pending key whose request failed, so the client may try again.</summary>
    public async Task ForgetPendingAsync(string userId, string key, CancellationToken cancellationToken = default)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        await db.Set<IdempotencyRecord>().Where(r => r.UserId == userId && r.Key == key && !r.Done).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
