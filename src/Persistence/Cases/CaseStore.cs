using GridCase.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence.Cases;

/// <summary>
/// Loads and saves cases with optimistic concurrency, and hands out case numbers. One store per unit of
/// work (a scoped <see cref="GridCaseDb"/>).
/// </summary>
public sealed class CaseStore(GridCaseDb db)
{
    private static readonly Func<GridCaseDb, CaseId, CancellationToken, Task<Case?>> FindQuery = ProviderQueries.Compile(
        (GridCaseDb db, CaseId id, CancellationToken _) => db.Cases.SingleOrDefault(c => c.Id == id));

    public Task<Case?> FindAsync(CaseId id, CancellationToken cancellationToken = default) => FindQuery(db, id, cancellationToken);

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
            throw new ConcurrencyConflictException("案件已被他人修改，请刷新后重试 / The case was changed by someone else; reload it and try again.", ex);
        }
    }

    /// <summary>
    /// The next number for a prefix and year, allocated in its own statement so that numbers are unique
    /// across nodes (a gap can appear when the report that took it fails; numbers are never reused).
    /// </summary>
    public async Task<CaseNumber> NextNumberAsync(string prefix, int year, CancellationToken cancellationToken = default)
    {
        var next = await TakeAsync(prefix, year, cancellationToken);
        if (next is null)
        {
            // First number of the year: create the counter. ON CONFLICT DO NOTHING, not a caught duplicate-key
            // error: on PostgreSQL a failed statement would abort the report's whole transaction.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO case_number_counters (\"Prefix\", \"Year\", \"Last\") VALUES ({prefix}, {year}, 0) ON CONFLICT (\"Prefix\", \"Year\") DO NOTHING",
                cancellationToken);
            next = await TakeAsync(prefix, year, cancellationToken)
                ?? throw new InvalidOperationException($"The case number counter {prefix}-{year} could not be created.");
        }

        return CaseNumber.Create(prefix, year, next.Value);
    }

    private async Task<int?> TakeAsync(string prefix, int year, CancellationToken cancellationToken)
    {
        var taken = await db.Database
            .SqlQuery<int>($"UPDATE case_number_counters SET \"Last\" = \"Last\" + 1 WHERE \"Prefix\" = {prefix} AND \"Year\" = {year} RETURNING \"Last\" AS \"Value\"")
            .ToListAsync(cancellationToken);
        return taken.Count == 1 ? taken[0] : null;
    }
}
