using GridCase.Domain.Organisation;

namespace GridCase.Domain.Catalogue;

public sealed record CatalogueCategory(string Code, string Name);

/// <summary>A county's matter catalogue (入格事项清单): categories, items, and its current version.</summary>
public sealed class MatterCatalogue
{
    private readonly List<CatalogueCategory> _categories = [];
    private readonly List<CatalogueItem> _items = [];

    public UnitCode County { get; }
    public int Version { get; private set; }
    public IReadOnlyList<CatalogueCategory> Categories => _categories;
    public IReadOnlyList<CatalogueItem> Items => _items;

    public MatterCatalogue(UnitCode county)
    {
        if (county.AreaLevel != OrgLevel.County)
        {
            throw new DomainRuleException("catalogue.county", $"'{county}' is not a county.");
        }

        County = county;
    }

    /// <summary>
    /// Admits a batch of items as the next catalogue version. Existing items cannot be replaced: a code
    /// already in the catalogue is refused.
    /// </summary>
    public int AdmitBatch(IEnumerable<CatalogueCategory> newCategories, IEnumerable<CatalogueItem> newItems)
    {
        var next = Version + 1;
        var categories = newCategories.ToList();
        var items = newItems.ToList();
        if (items.Count == 0)
        {
            throw new DomainRuleException("catalogue.empty-batch", "A batch admits at least one item.");
        }

        foreach (var category in categories)
        {
            if (_categories.Any(c => c.Code == category.Code) || categories.Count(c => c.Code == category.Code) > 1)
            {
                throw new DomainRuleException("catalogue.duplicate-category", $"Category {category.Code} already exists.");
            }
        }

        foreach (var item in items)
        {
            if (item.AddedInVersion != next)
            {
                throw new DomainRuleException("catalogue.version", $"Item {item.Code} must be added in version {next}.");
            }

            if (_items.Any(i => i.Code == item.Code) || items.Count(i => i.Code == item.Code) > 1)
            {
                throw new DomainRuleException("catalogue.duplicate-item", $"Item {item.Code} already exists; items are never changed silently.");
            }

            if (!_categories.Concat(categories).Any(c => c.Code == item.CategoryCode))
            {
                throw new DomainRuleException("catalogue.category", $"Item {item.Code} names unknown category {item.CategoryCode}.");
            }
        }

        _categories.AddRange(categories);
        _items.AddRange(items);
        Version = next;
        return next;
    }

    /// <summary>Rebuilds a catalogue from storage, trusting that each batch was checked when admitted.</summary>
    public static MatterCatalogue Restore(UnitCode county, int version, IEnumerable<CatalogueCategory> categories, IEnumerable<CatalogueItem> items)
    {
        var catalogue = new MatterCatalogue(county) { Version = version };
        catalogue._categories.AddRange(categories);
        catalogue._items.AddRange(items);
        return catalogue;
    }

    public CatalogueItem? Find(string itemCode) => _items.Find(i => i.Code == itemCode);
}
