using System.Globalization;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Seed.Json;

namespace GridCase.Persistence.Seed;

/// <summary>
/// Builds the units top-down through <see cref="OrgUnit.Area"/> and <see cref="OrgUnit.Department"/>, so every
/// parent and code-prefix rule of the domain is checked; adds the one check the domain cannot make: unique codes.
/// </summary>
internal sealed class DemoOrganisation
{
    private const int MaxGridsPerVillage = 999;

    private readonly List<OrgUnit> _units = [];
    private readonly HashSet<UnitCode> _codes = [];

    public static IReadOnlyList<OrgUnit> Build(CityJson city, IEnumerable<CountyJson> counties)
    {
        var organisation = new DemoOrganisation();
        var cityUnit = organisation.Add(OrgUnit.Area(UnitCode.Parse(city.Code), city.Name, null));
        organisation.AddDepartments(city.Departments, cityUnit);
        foreach (var county in counties)
        {
            organisation.AddCounty(county, cityUnit);
        }

        return organisation._units;
    }

    private void AddCounty(CountyJson county, OrgUnit city)
    {
        var countyUnit = Add(OrgUnit.Area(UnitCode.Parse(county.Code), county.Name, city));
        AddDepartments(county.Departments, countyUnit);
        foreach (var township in county.Townships)
        {
            var townshipUnit = Add(OrgUnit.Area(UnitCode.Parse(township.Code), township.Name, countyUnit));
            AddDepartments(township.Stations, townshipUnit);
            foreach (var village in township.Villages)
            {
                AddVillage(village, townshipUnit);
            }
        }
    }

    private void AddVillage(VillageJson village, OrgUnit township)
    {
        if (village.Grids is < 1 or > MaxGridsPerVillage)
        {
            throw new InvalidDataException($"Village {village.Code} has {village.Grids} grids; 1 to {MaxGridsPerVillage} fit the code scheme.");
        }

        var villageUnit = Add(OrgUnit.Area(UnitCode.Parse(village.Code), village.Name, township));
        for (var n = 1; n <= village.Grids; n++)
        {
            var code = UnitCode.Parse(villageUnit.Code.Value + n.ToString("000", CultureInfo.InvariantCulture));
            Add(OrgUnit.Area(code, $"{villageUnit.Name}第{n}网格", villageUnit));
        }
    }

    private void AddDepartments(IEnumerable<UnitJson> departments, OrgUnit owner)
    {
        foreach (var department in departments)
        {
            Add(OrgUnit.Department(UnitCode.Parse(department.Code), department.Name, owner));
        }
    }

    private OrgUnit Add(OrgUnit unit)
    {
        if (!_codes.Add(unit.Code))
        {
            throw new InvalidDataException($"Unit code {unit.Code} ({unit.Name}) is used twice.");
        }

        _units.Add(unit);
        return unit;
    }
}
