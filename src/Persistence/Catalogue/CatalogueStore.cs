using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence.Catalogue;

/// <summary>Loads and saves county catalogues. Saving only ever adds: stored items are never rewritten.</summary>
public sealed class CatalogueStore(GridCaseDb db)
{
    public async Task<MatterCatalogue?> LoadAsync(UnitCode county, CancellationToken cancellationToken = default)
    {
        var header = await db.Catalogues.AsNoTracking().SingleOrDefaultAsync(c => c.County == county, cancellationToken);
        if (header is null)
        {
            return null;
        }

        var categories = await db.CatalogueCategories.AsNoTracking()
            .Where(c => c.County == county).OrderBy(c => c.Ordinal)
            .Select(c => new CatalogueCategory(c.Code, c.Name))
            .ToListAsync(cancellationToken);
        var items = await db.CatalogueItems.AsNoTracking()
            .Where(i => i.County == county).OrderBy(i => i.Ordinal)
            .ToListAsync(cancellationToken);
        return MatterCatalogue.Restore(county, header.Version, categories, items.Select(i => i.ToDomain()));
    }

    public async Task SaveAsync(MatterCatalogue catalogue, CancellationToken cancellationToken = default)
    {
        var header = await db.Catalogues.SingleOrDefaultAsync(c => c.County == catalogue.County, cancellationToken);
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
