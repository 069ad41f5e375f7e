using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence.Catalogue;

/// <summary>
/// Loads and saves county catalogues. Saving only ever adds: stored items are never rewritten, so a county's
/// catalogue at a version never changes, and what was loaded for it is kept (<see cref="CatalogueVersions"/>): a load
/// then reads only the current version number.
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
            // Items of a later version saved since the version was read are left out: the content matches the version.
            var items = await db.CatalogueItems.AsNoTracking()
                .Where(i => i.County == county && i.AddedInVersion <= version).OrderBy(i => i.Ordinal)
                .ToListAsync(cancellationToken);
            content = new CatalogueVersions.Content(categories, items.ConvertAll(i => i.ToDomain()));
            versions?.Keep(county, version, content);
        }

        // A new object each time: a catalogue admits batches in place, the kept content must stay as it was.
        return MatterCatalogue.Restore(county, version, content.Categories, content.Items);
    }

    public async Task SaveAsync(MatterCatalogue catalogue, CancellationToken cancellationToken = default)
    {
        var header = await db.Catalogues.SingleOrDefaultAsync(c => c.County == catalogue.County, cancellationToken);
        var storedVersion = header?.Version;
        if (header is null)
        {
            db.Catalogues.Add(new CatalogueRow { County = catalogue.County, Version = catalogue.Version });
        }
        else if (header.Version > catalogue.Version)
        {
            throw new InvalidOperationException($"Catalogue {catalogue.County} is at version {header.Version}; cannot save version {catalogue.Version}.");
        }
        else
        {
            header.Version = catalogue.Version;
        }

        var storedCategories = await db.CatalogueCategories.Where(c => c.County == catalogue.County)
            .Select(c => c.Code).ToListAsync(cancellationToken);
        var storedItems = await db.CatalogueItems.Where(i => i.County == catalogue.County)
            .Select(i => i.Code).ToListAsync(cancellationToken);
        if (storedVersion == catalogue.Version
            && (catalogue.Categories.Any(c => !storedCategories.Contains(c.Code)) || catalogue.Items.Any(i => !storedItems.Contains(i.Code))))
        {
            // Another batch was saved at this version meanwhile: a version's content never changes once stored.
            throw new InvalidOperationException($"Catalogue {catalogue.County} already has a version {storedVersion}; load it again and admit the batch to that.");
        }

        for (var i = 0; i < catalogue.Categories.Count; i++)
        {
            var category = catalogue.Categories[i];
            if (!storedCategories.Contains(category.Code))
            {
                db.CatalogueCategories.Add(new CatalogueCategoryRow { County = catalogue.County, Code = category.Code, Name = category.Name, Ordinal = i });
            }
        }

        for (var i = 0; i < catalogue.Items.Count; i++)
        {
            if (!storedItems.Contains(catalogue.Items[i].Code))
            {
                db.CatalogueItems.Add(CatalogueItemRow.From(catalogue.County, catalogue.Items[i], i));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>What each county's catalogue held at each version (a version's content never changes), kept per host.</summary>
public sealed class CatalogueVersions
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(UnitCode County, int Version), Content> _kept = new();

    public sealed record Content(IReadOnlyList<CatalogueCategory> Categories, IReadOnlyList<CatalogueItem> Items);

    public Content? Find(UnitCode county, int version) => _kept.GetValueOrDefault((county, version));

    public void Keep(UnitCode county, int version, Content content) => _kept[(county, version)] = content;
}
