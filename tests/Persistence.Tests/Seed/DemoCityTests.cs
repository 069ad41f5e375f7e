using System.Diagnostics;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Seed;

namespace GridCase.Persistence.Tests.Seed;

public class DemoCityTests
{
    private const string Chengqu = "140502";
    private const string Qinshui = "140521";

    private DemoCity _city = null!;
    private Dictionary<UnitCode, OrgUnit> _units = null!;
    private TimeSpan _firstLoad;

    [OneTimeSetUp]
    public void LoadOnce()
    {
        var watch = Stopwatch.StartNew();
        _city = DemoCity.Load();
        _firstLoad = watch.Elapsed;
        _units = _city.Units.ToDictionary(u => u.Code);
    }

    [TestCase(Chengqu, 676)]
    [TestCase(Qinshui, 512)]
    public void Each_pilot_county_has_the_grid_count_of_the_study(string county, int grids) =>
        Assert.That(AreasOf(county, OrgLevel.Grid).Count(), Is.EqualTo(grids));

    [TestCase(Chengqu, 8)]
    [TestCase(Qinshui, 14)]
    public void Each_pilot_county_has_its_real_townships(string county, int townships) =>
        Assert.That(AreasOf(county, OrgLevel.Township).Count(), Is.EqualTo(townships));

    [Test]
    public void Every_grid_code_has_15_digits_and_starts_with_its_village_code()
    {
        var grids = _city.Units.Where(u => u.Kind == UnitKind.Area && u.Level == OrgLevel.Grid).ToList();

        Assert.That(grids, Has.Count.EqualTo(676 + 512));
        Assert.That(grids, Has.All.Matches<OrgUnit>(g =>
            g.Code.Value.Length == 15 && g.Code.Value.All(char.IsAsciiDigit)
            && g.ParentCode is { } village && _units[village].Level == OrgLevel.Village
            && g.Code.Value.StartsWith(village.Value, StringComparison.Ordinal)));
    }

    [Test]
    public void Every_area_below_the_county_starts_with_its_parents_code()
    {
        var areas = _city.Units.Where(u => u.Kind == UnitKind.Area && u.Level < OrgLevel.County);

        Assert.That(areas, Has.All.Matches<OrgUnit>(a =>
            a.ParentCode is { } parent && a.Code.Value.StartsWith(parent.Value, StringComparison.Ordinal)
            && _units[parent].Level == a.Level + 1));
    }

    [Test]
    public void Every_unit_code_is_unique() =>
        Assert.That(_city.Units.Select(u => u.Code), Is.Unique);

    [TestCase(Chengqu)]
    [TestCase(Qinshui)]
    public void The_ten_core_departments_exist_in_both_counties(string county)
    {
        string[] core = ["ZZ", "GA", "MZ", "HB", "YJ", "SJ", "SW", "CG", "ZJ", "WJ"];

        Assert.That(core, Has.All.Matches<string>(abbreviation =>
            _units.TryGetValue(UnitCode.Parse(county + abbreviation), out var unit)
            && unit.Kind == UnitKind.Department && unit.ParentCode == UnitCode.Parse(county)));
    }

    [TestCase(Chengqu, 7, 125)]
    [TestCase(Qinshui, 6, 78)]
    public void Each_catalogue_has_the_categories_and_items_of_the_study(string county, int categories, int items)
    {
        var catalogue = CatalogueOf(county);

        Assert.That(catalogue.Categories, Has.Count.EqualTo(categories));
        Assert.That(catalogue.Items, Has.Count.EqualTo(items));
    }

    [TestCase(Chengqu)]
    [TestCase(Qinshui)]
    public void Item_codes_and_names_are_unique_within_a_county(string county)
    {
        var items = CatalogueOf(county).Items;

        Assert.That(items.Select(i => i.Code), Is.Unique);
        Assert.That(items.Select(i => i.Name), Is.Unique);
    }

    [TestCase(Chengqu)]
    [TestCase(Qinshui)]
    public void Every_item_is_owned_by_a_department_of_its_own_county(string county)
    {
        var countyCode = UnitCode.Parse(county);

        Assert.That(CatalogueOf(county).Items, Has.All.Matches<CatalogueItem>(item =>
            _units.TryGetValue(item.OwningDepartment, out var owner)
            && owner.Kind == UnitKind.Department && CountyOf(owner) == countyCode));
    }

    [TestCase(Chengqu)]
    [TestCase(Qinshui)]
    public void Between_five_and_ten_items_per_county_do_not_count_toward_the_closure_rate(string county) =>
        Assert.That(CatalogueOf(county).Items.Count(i => !i.CountsTowardClosureRate), Is.InRange(5, 10));

    [TestCase(Chengqu)]
    [TestCase(Qinshui)]
    public void Time_limits_grow_with_difficulty(string county) =>
        Assert.That(CatalogueOf(county).Items, Has.All.Matches<CatalogueItem>(item =>
            item.TimeLimitFor(Difficulty.Simple) < item.TimeLimitFor(Difficulty.Ordinary)
            && item.TimeLimitFor(Difficulty.Ordinary) < item.TimeLimitFor(Difficulty.Complex)
            && item.TimeLimitFor(Difficulty.Complex) < item.TimeLimitFor(Difficulty.Major)));

    [TestCase(Chengqu)]
    [TestCase(Qinshui)]
    public void A_second_batch_of_items_makes_the_catalogue_version_two(string county)
    {
        var catalogue = CatalogueOf(county);

        Assert.That(catalogue.Version, Is.EqualTo(2));
        Assert.That(catalogue.Items.Select(i => i.AddedInVersion).Distinct(), Is.EquivalentTo(new[] { 1, 2 }));
    }

    [Test]
    public void User_names_are_unique() =>
        Assert.That(_city.Users.Select(u => u.UserName), Is.Unique);

    [Test]
    public void There_is_exactly_one_user_per_rule()
    {
        var expected = new List<(string, Role, UnitCode)>
        {
            ("sysadmin", Role.SystemAdmin, UnitCode.Parse("140500")),
            ("admin", Role.PolicyAdmin, UnitCode.Parse("140500")),
            ("auditor", Role.Auditor, UnitCode.Parse("140500")),
        };
        foreach (var unit in _city.Units)
        {
            if (unit.Kind == UnitKind.Department || unit.Level == OrgLevel.Village)
            {
                expected.Add(($"h{unit.Code}", Role.Handler, unit.Code));
            }
            else if (unit.Level is OrgLevel.County or OrgLevel.Township)
            {
                expected.Add(($"d{unit.Code}", Role.Dispatcher, unit.Code));
                expected.Add(($"h{unit.Code}", Role.Handler, unit.Code));
            }
            else if (unit.Level == OrgLevel.Grid)
            {
                expected.Add(($"g{unit.Code}", Role.GridMember, unit.Code));
            }
        }

        // Ordered rather than Is.EquivalentTo, which is quadratic over some 1,500 users.
        Assert.That(
            _city.Users.Select(u => (u.UserName, u.Role, u.Unit)).OrderBy(u => u.UserName, StringComparer.Ordinal),
            Is.EqualTo(expected.OrderBy(u => u.Item1, StringComparer.Ordinal)));
    }

    [Test]
    public void Display_names_are_chinese() =>
        Assert.That(_city.Users, Has.All.Matches<DemoUserSpec>(u => u.DisplayName.Any(c => c >= '\u4e00' && c <= '\u9fff')));

    [Test]
    public void Each_load_gives_its_own_catalogues() =>
        Assert.That(DemoCity.Load().Catalogues[0], Is.Not.SameAs(_city.Catalogues[0]));

    // The first load in the process, JIT included, as at a demo start.
    [Test]
    public void The_first_load_fits_the_demo_start_budget()
    {
        TestContext.Out.WriteLine($"first DemoCity.Load: {_firstLoad.TotalMilliseconds:F1} ms");
        Assert.That(_firstLoad, Is.LessThan(TimeSpan.FromMilliseconds(300)));
    }

    private MatterCatalogue CatalogueOf(string county) =>
        _city.Catalogues.Single(c => c.County == UnitCode.Parse(county));

    private IEnumerable<OrgUnit> AreasOf(string county, OrgLevel level) =>
        _city.Units.Where(u => u.Kind == UnitKind.Area && u.Level == level && CountyOf(u) == UnitCode.Parse(county));

    private UnitCode? CountyOf(OrgUnit unit)
    {
        var current = unit;
        while (current.Kind != UnitKind.Area || current.Level != OrgLevel.County)
        {
            if (current.ParentCode is not { } parent)
            {
                return null;
            }

            current = _units[parent];
        }

        return current.Code;
    }
}
