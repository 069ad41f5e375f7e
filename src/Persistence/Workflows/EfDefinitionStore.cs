using GridCase.Workflows.Definitions;
using GridCase.Workflows.Ports;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence.Workflows;

/// <summary>
/// Definition drafts and published versions in the GridCase database, each stored as its JSON document.
/// One store per unit of work (a scoped <see cref="GridCaseDb"/>).
/// </summary>
public sealed class EfDefinitionStore(GridCaseDb db) : IDefinitionStore
{
    // Each failed attempt means another publish of the same definition succeeded, so this bounds the
    // number of publishes racing at once, not the time.
    private const int PublishAttempts = 50;

    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var versions = await db.WorkflowDefinitionVersions.AsNoTracking()
            .Select(v => new { v.DefinitionId, v.Version, v.Name })
            .ToListAsync(cancellationToken);
        var draftIds = await db.WorkflowDrafts.AsNoTracking().Select(d => d.DefinitionId).ToListAsync(cancellationToken);

        var latest = versions.GroupBy(v => v.DefinitionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(v => v.Version)!, StringComparer.Ordinal);
        var draftOnly = draftIds.Where(id => !latest.ContainsKey(id)).ToList();
        var draftNames = await db.WorkflowDrafts.AsNoTracking()
            .Where(d => draftOnly.Contains(d.DefinitionId))
            .Select(d => new { d.DefinitionId, d.Document })
            .ToDictionaryAsync(d => d.DefinitionId, d => Parse(d.Document, d.DefinitionId).Name, StringComparer.Ordinal, cancellationToken);
        var hasDraft = draftIds.ToHashSet(StringComparer.Ordinal);

        return latest.Keys.Concat(draftOnly)
            .Order(StringComparer.Ordinal)
            .Select(id => latest.TryGetValue(id, out var version)
                ? new DefinitionSummary(id, version.Name, version.Version, hasDraft.Contains(id))
                : new DefinitionSummary(id, draftNames[id], null, HasDraft: true))
            .ToList();
    }

    public async Task<IReadOnlyList<VersionInfo>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default) =>
        await db.WorkflowDefinitionVersions.AsNoTracking()
            .Where(v => v.DefinitionId == definitionId)
            .OrderBy(v => v.Version)
            .Select(v => new VersionInfo(v.DefinitionId, v.Version, v.Status, v.Name, v.ChangeNote, v.PublishedBy, v.PublishedAt))
            .ToListAsync(cancellationToken);

    public async Task<WorkflowDefinition?> GetVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        var document = await db.WorkflowDefinitionVersions.AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && v.Version == version)
            .Select(v => v.Document)
            .FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : Parse(document, $"{definitionId} v{version}");
    }

    private static readonly Func<GridCaseDb, string, CancellationToken, Task<int?>> LatestPublishedQuery = ProviderQueries.Compile(
        (GridCaseDb db, string definitionId, CancellationToken _) => db.WorkflowDefinitionVersions.AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && v.Status == VersionStatus.Published)
            .Max(v => (int?)v.Version));

    public Task<int?> LatestPublishedVersionAsync(string definitionId, CancellationToken cancellationToken = default) =>
        LatestPublishedQuery(db, definitionId, cancellationToken);

    public async Task<DraftInfo?> GetDraftAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var row = await db.WorkflowDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == definitionId, cancellationToken);
        return row is null ? null : new DraftInfo(Parse(row.Document, $"the draft of {definitionId}"), row.SavedBy, row.SavedAt, row.BasedOnVersion);
    }

    public async Task SaveDraftAsync(DraftInfo draft, CancellationToken cancellationToken = default)
    {
        using var p = new SqlParameters(db.Database);
        var sql = $"""
            INSERT INTO workflow_drafts ("DefinitionId", "Document", "SavedBy", "SavedAt", "BasedOnVersion")
            VALUES ({p.Add(draft.Definition.Id)}, {p.Add(DefinitionJson.Write(draft.Definition with { Version = 0 }))}, {p.Add(draft.SavedBy)}, {p.Add(draft.SavedAt)}, {p.Add(draft.BasedOnVersion)})
            ON CONFLICT ("DefinitionId") DO UPDATE SET "Document" = excluded."Document", "SavedBy" = excluded."SavedBy",
                "SavedAt" = excluded."SavedAt", "BasedOnVersion" = excluded."BasedOnVersion"
            """;
        await db.Database.ExecuteSqlRawAsync(sql, p.Values, cancellationToken);
    }

    /// <summary>
    /// Takes the next number by inserting it: the primary key (definition, version) refuses a number another
    /// publish took first, and this publish tries again with the number after it. The draft goes in the same transaction.
    /// </summary>
    public async Task<int> PublishAsync(WorkflowDefinition definition, string changeNote, string publishedBy, DateTime publishedAt, CancellationToken cancellationToken = default)
    {
        var id = definition.Id;
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = await WriteScope.BeginAsync(db.Database, wholeOrNothing: false, cancellationToken);
            var next = (await db.WorkflowDefinitionVersions.Where(v => v.DefinitionId == id).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0) + 1;
            var document = DefinitionJson.Write(definition with { Version = next, ChangeNote = changeNote });
            using var p = new SqlParameters(db.Database);
            var sql = $"""
                INSERT INTO workflow_definition_versions ("DefinitionId", "Version", "Status", "Name", "ChangeNote", "PublishedBy", "PublishedAt", "Document")
                VALUES ({p.Add(id)}, {p.Add(next)}, {p.Add(nameof(VersionStatus.Published))}, {p.Add(definition.Name)}, {p.Add(changeNote)},
                    {p.Add(publishedBy)}, {p.Add(publishedAt)}, {p.Add(document)})
                """;
            try
            {
                await db.Database.ExecuteSqlRawAsync(sql, p.Values, cancellationToken);
            }
            catch (Exception ex) when (attempt < PublishAttempts && UniqueViolation.Is(ex))
            {
                await scope.UndoAsync();
                continue;
            }

            await db.WorkflowDrafts.Where(d => d.DefinitionId == id).ExecuteDeleteAsync(cancellationToken);
            await scope.CompleteAsync(cancellationToken);
            return next;
        }
    }

    public async Task RetireAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        var rows = await db.WorkflowDefinitionVersions
            .Where(v => v.DefinitionId == definitionId && v.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VersionStatus.Retired), cancellationToken);
        if (rows == 0)
        {
            throw new KeyNotFoundException($"{definitionId} v{version} is not published.");
        }
    }

    private static WorkflowDefinition Parse(string document, string what)
    {
        var (definition, problems) = DefinitionJson.Parse(document);
        return definition ?? throw new InvalidOperationException(
            $"The stored document of {what} does not parse: {string.Join("; ", problems.Select(p => p.Message))}");
    }
}
