using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence.Catalogue;

/// <summary>
/// Loads and saves county catalogues. Saving only ever adds: new items, and on an item the version that withdrew it
/// (read back only by loads at that version or later), so a county's catalogue at a version never changes, and what was
/// loaded for it is kept (<see cref="CatalogueVersions"/>): a load then reads only the current version number.
/// </summary>
public sealed class CatalogueStore(GridCaseDb db, CatalogueVersions? versions = null)
{
    private static readonly Func<GridCaseDb, UnitCode, CancellationToken, Task<int?>> VersionQuery = ProviderQueries.Compile(
        (GridCaseDb db, UnitCode county, CancellationToken _) => db.Catalogues.AsNoTracking()
            .Where(c => c.County == county).Select(c => (int?)c.Version).SingleOrDefault());

    public async Task<MatterCatalogue?> LoadAsync(UnitCode county, CancellationToken cancellationToken = default)
    {
        if (await VersionQuery(db, county, cancellationToken) is not { } version)
        {
            return null;
        }

        if (versions?.Find(county, version) is not { } content)
        {
            var categories = await db.CatalogueCategories.AsNoTracking()
                .Where(c => c.County == county).OrderBy(c => c.Ordinal)
                .Select(c => new CatalogueCategory(c.Code, c.Name))
                .ToListAsync(cancellationToken);
            // Items of a later version saved since the version was read are left out, and so are withdrawals of a later
            // version: the content matches the version.
            var items = await db.CatalogueItems.AsNoTracking()
                .Where(i => i.County == county && i.AddedInVersion <= version).OrderBy(i => i.Ordinal)
                .ToListAsync(cancellationToken);
            content = new CatalogueVersions.Content(categories, items.ConvertAll(i =>
                i.WithdrawnInVersion is { } withdrawn && withdrawn <= version ? i.ToDomain().WithdrawnIn(withdrawn) : i.ToDomain()));
            versions?.Keep(county, version, content);
        }

        // A new object each time: a catalogue admits batches in place, the kept content must stay as it was.
        return MatterCatalogue.Restore(county, version, content.Categories, content.Items);
    }

    /// <summary>
    /// Stores what the catalogue gained since it was loaded (new categories and items, withdrawals) and its new version,
    /// together with whatever else the context is tracking, in one transaction (joining the context's, if it has one).
    /// </summary>
    /// <exception cref="CatalogueVersionConflictException">
    /// The stored catalogue is at this version or a later one already (another save came first): a version's content
    /// never changes once stored.
    /// </exception>
    public async Task SaveAsync(MatterCatalogue catalogue, CancellationToken cancellationToken = default)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await WriteTransaction.BeginAsync(db.Database, cancellationToken) : null;
        var county = catalogue.County;
        var storedVersion = await VersionQuery(db, county, cancellationToken);
        if (storedVersion > catalogue.Version)
        {
            throw new CatalogueVersionConflictException($"Catalogue {county} is at version {storedVersion}; cannot save version {catalogue.Version}.");
        }

        var storedCategories = await db.CatalogueCategories.Where(c => c.County == county)
            .Select(c => c.Code).ToListAsync(cancellationToken);
        var storedItems = await db.CatalogueItems.Where(i => i.County == county)
            .Select(i => new { i.Code, i.WithdrawnInVersion }).ToDictionaryAsync(i => i.Code, i => i.WithdrawnInVersion, cancellationToken);
        var newCategories = catalogue.Categories.Select((category, ordinal) => (category, ordinal)).Where(c => !storedCategories.Contains(c.category.Code)).ToList();
        var newItems = catalogue.Items.Select((item, ordinal) => (item, ordinal)).Where(i => !storedItems.ContainsKey(i.item.Code)).ToList();
        var withdrawals = catalogue.Items.Where(i => i.IsWithdrawn && storedItems.TryGetValue(i.Code, out var withdrawnIn) && withdrawnIn is null).ToList();
        if (storedVersion is { } stored
            && (newCategories.Count > 0 || newItems.Count > 0 || withdrawals.Count > 0)
            && (storedVersion == catalogue.Version || newItems.Any(i => i.item.AddedInVersion <= stored) || withdrawals.Any(i => i.WithdrawnInVersion <= stored)))
        {
            throw new CatalogueVersionConflictException(
                $"Catalogue {county} already has a version {storedVersion}; load it again and admit the batch to that.");
        }

        if (storedVersion is null)
        {
            db.Catalogues.Add(new CatalogueRow { County = county, Version = catalogue.Version });
        }
        else if (storedVersion != catalogue.Version
            && await db.Catalogues.Where(c => c.County == county && c.Version == storedVersion)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Version, catalogue.Version), cancellationToken) == 0)
        {
            // Another save moved the version between the read above and this update (PostgreSQL: the row lock made
            // this update wait for it, then find the version changed).
            throw new CatalogueVersionConflictException(
                $"Catalogue {county} moved past version {storedVersion} meanwhile; load it again and admit the batch to that.");
        }

        foreach (var (category, ordinal) in newCategories)
        {
            db.CatalogueCategories.Add(new CatalogueCategoryRow { County = county, Code = category.Code, Name = category.Name, Ordinal = ordinal });
        }

        foreach (var (item, ordinal) in newItems)
        {
            db.CatalogueItems.Add(CatalogueItemRow.From(county, item, ordinal));
        }

        foreach (var item in withdrawals)
        {
            var row = await db.CatalogueItems.SingleAsync(i => i.County == county && i.Code == item.Code, cancellationToken);
            row.WithdrawnInVersion = item.WithdrawnInVersion;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}

/// <summary>A catalogue was saved over a version stored meanwhile (or a later one); load it again and retry.</summary>
public sealed class CatalogueVersionConflictException(string message) : InvalidOperationException(message);

/// <summary>What each county's catalogue held at each version (a version's content never changes), kept per host.</summary>
public sealed class CatalogueVersions
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(UnitCode County, int Version), Content> _kept = new();

    public sealed record Content(IReadOnlyList<CatalogueCategory> Categories, IReadOnlyList<CatalogueItem> Items);

    public Content? Find(UnitCode county, int version) => _kept.GetValueOrDefault((county, version));

    public void Keep(UnitCode county, int version, Content content) => _kept[(county, version)] = content;
}
