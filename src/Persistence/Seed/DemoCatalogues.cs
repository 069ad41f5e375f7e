using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Seed.Json;

namespace GridCase.Persistence.Seed;

/// <summary>
/// Admits a county's catalogue one version at a time ("成熟一批，纳入一批"); a category arrives with the
/// batch of its earliest item.
/// </summary>
internal static class DemoCatalogues
{
    public static MatterCatalogue Build(CatalogueJson json, IReadOnlyDictionary<UnitCode, OrgUnit> units)
    {
        var county = UnitCode.Parse(json.County);
        var catalogue = new MatterCatalogue(county);
        var items = json.Categories
            .SelectMany(category => category.Items.Select(item => ToItem(item, category.Code, county, units)))
            .ToList();
        var lastVersion = items.Count == 0 ? 1 : items.Max(i => i.AddedInVersion);
        for (var version = 1; version <= lastVersion; version++)
        {
            var categories = json.Categories
                .Where(c => FirstVersion(c) == version)
                .Select(c => new CatalogueCategory(c.Code, c.Name));
            catalogue.AdmitBatch(categories, items.Where(i => i.AddedInVersion == version));
        }

        return catalogue;
    }

    private static int FirstVersion(CategoryJson category) =>
        category.Items.Count == 0 ? 1 : category.Items.Min(i => i.Version);

    private static CatalogueItem ToItem(ItemJson item, string categoryCode, UnitCode county, IReadOnlyDictionary<UnitCode, OrgUnit> units)
    {
        var owner = UnitCode.Parse(item.OwningDepartment);
        if (!units.TryGetValue(owner, out var unit) || unit.Kind != UnitKind.Department
            || !owner.Value.StartsWith(county.Value, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Item {item.Code}: '{owner}' is not a department of county {county}.");
        }

        if (item.TimeLimitHours.Count != 4)
        {
            throw new InvalidDataException($"Item {item.Code} needs four time limits, one per difficulty.");
        }

        var limits = Enum.GetValues<Difficulty>().ToDictionary(d => d, d => item.TimeLimitHours[(int)d - 1]);
        return new CatalogueItem(
            item.Code, item.Name, categoryCode, owner, item.DefaultLevel, limits, item.CountsTowardClosureRate, item.Version);
    }
}
