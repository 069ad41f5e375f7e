using System.Net;
using System.Text.Json;

namespace GridCase.Api.Tests.Reference;

public sealed class ReferenceDataTests
{
    private static async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var client = await SharedApi.Factory.ClientForAsync("admin");
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [TestCase("140502", 676)]
    [TestCase("140521", 512)]
    public async Task Each_demo_county_has_the_studys_grid_count(string county, int grids)
    {
        var units = await GetJsonAsync("/api/org-units?level=Grid");

        var inCounty = units.EnumerateArray().Count(u => u.GetProperty("code").GetString()!.StartsWith(county, StringComparison.Ordinal));

        Assert.That(inCounty, Is.EqualTo(grids));
        Assert.That(units.EnumerateArray().All(u => u.GetProperty("level").GetString() == "Grid" && u.GetProperty("kind").GetString() == "Area"));
    }

    [Test]
    public async Task Org_units_filter_by_parent()
    {
        var counties = await GetJsonAsync("/api/org-units?parent=140500&level=County");

        Assert.That(counties.EnumerateArray().Select(u => u.GetProperty("code").GetString()), Is.EquivalentTo(new[] { "140502", "140521" }));
        Assert.That(counties.EnumerateArray().Select(u => u.GetProperty("parentCode").GetString()), Is.All.EqualTo("140500"));
    }

    [Test]
    public async Task Departments_are_listed_with_their_kind()
    {
        var units = await GetJsonAsync("/api/org-units?parent=140521");

        var departments = units.EnumerateArray().Where(u => u.GetProperty("kind").GetString() == "Department")
            .Select(u => u.GetProperty("code").GetString()).ToList();

        Assert.That(departments, Is.SupersetOf(new[] { "140521ZZ", "140521GA", "140521MZ", "140521HB", "140521YJ", "140521SJ", "140521SW", "140521CG", "140521ZJ", "140521WJ" }));
    }

    [TestCase("level=Planet", "level")]
    [TestCase("level=2", "level")]
    [TestCase("parent=abc", "parent")]
    public async Task A_bad_filter_is_400_naming_it(string query, string field)
    {
        var problem = await GetJsonAsync("/api/org-units?" + query, HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [TestCase("140502", 7, 125)]
    [TestCase("140521", 6, 78)]
    public async Task The_demo_catalogues_have_the_studys_size(string county, int categories, int items)
    {
        var catalogue = await GetJsonAsync("/api/catalogue?county=" + county);

        Assert.That(catalogue.GetProperty("county").GetString(), Is.EqualTo(county));
        Assert.That(catalogue.GetProperty("categories").GetArrayLength(), Is.EqualTo(categories));
        var all = catalogue.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray()).ToList();
        Assert.That(all, Has.Count.EqualTo(items));
        Assert.That(all.Count(i => !i.GetProperty("countsTowardClosureRate").GetBoolean()), Is.InRange(1, 10));
        var limits = all[0].GetProperty("timeLimitHours");
        Assert.That(Enumerable.Range(1, 4).All(d => limits.GetProperty(d.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetInt32() > 0));
    }

    [Test]
    public async Task A_county_dispatcher_gets_their_own_catalogue_without_naming_it()
    {
        var client = await SharedApi.Factory.ClientForAsync("d140521");

        var body = JsonDocument.Parse(await client.GetStringAsync("/api/catalogue")).RootElement;

        Assert.That(body.GetProperty("county").GetString(), Is.EqualTo("140521"));
    }

    [TestCase("999999", HttpStatusCode.NotFound)]
    [TestCase("14052", HttpStatusCode.BadRequest)]
    [TestCase("140521100", HttpStatusCode.BadRequest)]
    public async Task A_bad_or_unknown_county_is_a_clear_error(string county, HttpStatusCode expected) =>
        await GetJsonAsync("/api/catalogue?county=" + county, expected);

    [Test]
    public async Task The_2026_calendar_lists_the_official_holidays_and_make_up_days()
    {
        var calendar = await GetJsonAsync("/api/calendar/2026");

        var holidays = calendar.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()).ToList();
        var makeUp = calendar.GetProperty("makeUpWorkdays").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.That(holidays, Is.SupersetOf(new[] { "2026-01-01", "2026-02-17", "2026-04-05", "2026-05-01", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-07" }));
        Assert.That(makeUp, Is.SupersetOf(new[] { "2026-02-14", "2026-02-28", "2026-10-10" }));
        Assert.That(holidays, Does.Not.Contain("2026-10-08"));
    }

    [Test]
    public async Task A_year_without_a_schedule_is_404() =>
        await GetJsonAsync("/api/calendar/1999", HttpStatusCode.NotFound);
}
