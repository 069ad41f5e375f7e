using GridCase.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence.Cases;

/// <summary>
/// Loads and saves cases with optimistic concurrency, and hands out case numbers. One store per unit of
/// work (a scoped <see cref="GridCaseDb"/>).
/// </summary>
public sealed class CaseStore(GridCaseDb db)
{
    public Task<Case?> FindAsync(CaseId id, CancellationToken cancellationToken = default) =>
        db.Cases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public void Add(Case @case) => db.Cases.Add(@case);

    /// <summary>Commits every change made through this store; a stale case throws <see cref="ConcurrencyConflictException"/>.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The case was changed by someone else; reload it and try again.", ex);
        }
    }

    /// <summary>
    /// The next number for a prefix and year, allocated in its own statement so that numbers are unique
    /// across nodes (a gap can appear when the report that took it fails; numbers are never reused).
    /// </summary>
    public async Task<CaseNumber> NextNumberAsync(string prefix, int year, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var next = await db.Database
                .SqlQuery<int>($"UPDATE case_number_counters SET \"Last\" = \"Last\" + 1 WHERE \"Prefix\" = {prefix} AND \"Year\" = {year} RETURNING \"Last\" AS \"Value\"")
                .ToListAsync(cancellationToken);
            if (next.Count == 1)
            {
                return CaseNumber.Create(prefix, year, next[0]);
            }

            try
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO case_number_counters (\"Prefix\", \"Year\", \"Last\") VALUES ({prefix}, {year}, 0)", cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another node created the counter at the same moment; take a number from it.
            }
            catch (Exception ex) when (attempt < 3 && IsUniqueViolation(ex))
            {
            }
        }
    }

    private static bool IsUniqueViolation(Exception ex) =>
        ex is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: "23505" };
}
