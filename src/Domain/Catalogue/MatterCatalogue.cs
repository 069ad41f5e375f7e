using GridCase.Domain.Organisation;

namespace GridCase.Domain.Catalogue;

public sealed record CatalogueCategory(string Code, string Name);

/// <summary>
/// Something wrong with a batch, naming the place in it (<c>categories[0].code</c>, <c>items[2].owningDepartment</c>)
/// by the positions the batch was given in.
/// </summary>
public sealed record CatalogueBatchProblem(string Code, string Field, string Message);

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
    /// Every reason the batch could not be admitted as the next version, without admitting it. With
    /// <paramref name="organisation"/>, each item's owning department must also be a department of this county or of its
    /// city that is not retired.
    /// </summary>
    public IReadOnlyList<CatalogueBatchProblem> Check(
        IReadOnlyList<CatalogueCategory> newCategories, IReadOnlyList<CatalogueItem> newItems, OrgDirectory? organisation = null)
    {
        var next = Version + 1;
        var problems = new List<CatalogueBatchProblem>();
        if (newItems.Count == 0)
        {
            problems.Add(new("catalogue.empty-batch", "items", "一个批次至少纳入一个事项 / A batch admits at least one item."));
        }

        for (var i = 0; i < newCategories.Count; i++)
        {
            var code = newCategories[i].Code;
            if (_categories.Exists(c => c.Code == code) || newCategories.Take(i).Any(c => c.Code == code))
            {
                problems.Add(new("catalogue.duplicate-category", $"categories[{i}].code", $"类别 {code} 已存在 / Category {code} already exists."));
            }
        }

        for (var i = 0; i < newItems.Count; i++)
        {
            var item = newItems[i];
            if (item.AddedInVersion != next || item.IsWithdrawn)
            {
                problems.Add(new("catalogue.version", $"items[{i}]", $"事项 {item.Code} 应纳入第 {next} 版 / Item {item.Code} must be added in version {next}."));
            }

            if (_items.Exists(e => e.Code == item.Code) || newItems.Take(i).Any(e => e.Code == item.Code))
            {
                problems.Add(new("catalogue.duplicate-item", $"items[{i}].code",
                    $"事项 {item.Code} 已存在，事项不可悄然修改 / Item {item.Code} already exists; items are never changed silently."));
            }

            if (!_categories.Exists(c => c.Code == item.CategoryCode) && !newCategories.Any(c => c.Code == item.CategoryCode))
            {
                problems.Add(new("catalogue.category", $"items[{i}].categoryCode",
                    $"事项 {item.Code} 的类别 {item.CategoryCode} 不存在 / Item {item.Code} names unknown category {item.CategoryCode}."));
            }

            if (organisation is not null && !IsDepartmentOfCounty(organisation, item.OwningDepartment))
            {
                problems.Add(new("catalogue.owner", $"items[{i}].owningDepartment",
                    $"{item.OwningDepartment} 不是本县或本市的在用部门 / {item.OwningDepartment} is not a department of county {County} or of its city in service."));
            }
        }

        return problems;
    }

    /// <summary>
    /// Admits a batch of items as the next catalogue version. Existing items cannot be replaced: a code
    /// already in the catalogue (withdrawn or not) is refused.
    /// </summary>
    public int AdmitBatch(IEnumerable<CatalogueCategory> newCategories, IEnumerable<CatalogueItem> newItems)
    {
        var categories = newCategories.ToList();
        var items = newItems.ToList();
        if (Check(categories, items) is [var first, ..])
        {
            throw new DomainRuleException(first.Code, first.Message);
        }

        _categories.AddRange(categories);
        _items.AddRange(items);
        Version++;
        return Version;
    }

    /// <summary>
    /// Withdraws an item (退出清单) as the next catalogue version: no new reports may name it; cases already running
    /// keep it. Returns the new version.
    /// </summary>
    public int Withdraw(string itemCode)
    {
        var index = _items.FindIndex(i => i.Code == itemCode);
        if (index < 0)
        {
            throw new DomainRuleException("catalogue.unknown-item", $"清单中没有事项 {itemCode} / Item {itemCode} is not in the catalogue of {County}.");
        }

        if (_items[index].WithdrawnInVersion is { } withdrawn)
        {
            throw new InvalidTransitionException("catalogue.withdrawn",
                $"事项 {itemCode} 已于第 {withdrawn} 版退出清单 / Item {itemCode} was already withdrawn in version {withdrawn}.");
        }

        Version++;
        _items[index] = _items[index].WithdrawnIn(Version);
        return Version;
    }

    /// <summary>Rebuilds a catalogue from storage, trusting that each batch was checked when admitted.</summary>
    public static MatterCatalogue Restore(UnitCode county, int version, IEnumerable<CatalogueCategory> categories, IEnumerable<CatalogueItem> items)
    {
        var catalogue = new MatterCatalogue(county) { Version = version };
        catalogue._categories.AddRange(categories);
        catalogue._items.AddRange(items);
        return catalogue;
    }

    /// <summary>The item with this code, withdrawn or not.</summary>
    public CatalogueItem? Find(string itemCode) => _items.Find(i => i.Code == itemCode);

    private bool IsDepartmentOfCounty(OrgDirectory organisation, UnitCode code) =>
        organisation.Find(code) is { Kind: UnitKind.Department, IsRetired: false, ParentCode: { } owner }
        && (owner == County || organisation.Find(County)?.ParentCode == owner);
}
