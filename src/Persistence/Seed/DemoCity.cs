using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Seed.Json;

namespace GridCase.Persistence.Seed;

/// <summary>
/// The demo city of the study: 晋城市 with the 城区 and 沁水 pilots — units (grids generated from the
/// per-village counts), their matter catalogues and one demo account per working unit.
/// </summary>
public sealed class DemoCity
{
    private const string CityFile = "org-140500.json";

    public IReadOnlyList<OrgUnit> Units { get; }
    public IReadOnlyList<MatterCatalogue> Catalogues { get; }
    public IReadOnlyList<DemoUserSpec> Users { get; }

    private DemoCity(IReadOnlyList<OrgUnit> units, IReadOnlyList<MatterCatalogue> catalogues, IReadOnlyList<DemoUserSpec> users)
    {
        Units = units;
        Catalogues = catalogues;
        Users = users;
    }

    /// <summary>
    /// Reads the embedded data and builds everything through the domain factories. Not cached: a catalogue
    /// can admit further batches, so each caller gets its own copy (a load takes a few milliseconds).
    /// </summary>
    public static DemoCity Load()
    {
        var city = SeedResource.Read(CityFile, SeedJsonContext.Default.CityJson);
        var counties = city.Counties
            .Select(code => SeedResource.Read($"org-{code}.json", SeedJsonContext.Default.CountyJson))
            .ToList();
        var units = DemoOrganisation.Build(city, counties);
        var unitsByCode = units.ToDictionary(u => u.Code);
        var catalogues = city.Counties
            .Select(code => SeedResource.Read($"catalogue-{code}.json", SeedJsonContext.Default.CatalogueJson))
            .Select(json => DemoCatalogues.Build(json, unitsByCode))
            .ToList();
        return new DemoCity(units, catalogues, DemoUsers.For(units));
    }
}
