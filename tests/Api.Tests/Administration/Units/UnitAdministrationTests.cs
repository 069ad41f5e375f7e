using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Tests.Administration.Units;

/// <summary>
/// Org-unit administration on a demo database of its own (晋城市 with 城区 140502 and 沁水县 140521): the city's system
/// administrator (<c>sysadmin</c>) and 沁水县's (<see cref="AdminDriver.CountyAdmin"/>). Each test uses codes of its
/// own (new townships 1405219xx), so the tests do not depend on each other's order.
/// </summary>
public abstract class UnitAdministrationTests
{
    private const string City = AdminDriver.CityAdmin;
    private const string County = AdminDriver.CountyAdmin;

    private static readonly object Square = new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { 112.10, 35.60 }, new[] { 112.11, 35.60 }, new[] { 112.11, 35.61 }, new[] { 112.10, 35.61 }, new[] { 112.10, 35.60 } } },
    };

    private GridCaseApiFactory? _factory;
    private AdminDriver _admin = null!;
    private EventDriver _events = null!;

    protected abstract Task<GridCaseApiFactory> StartAsync();

    [OneTimeSetUp]
    public async Task Start()
    {
        var factory = _factory = await StartAsync();
        _admin = new AdminDriver(factory.Services, (user, password) => AdminDriver.SignInAsync(factory.CreateClient(), user, password));
        _events = new EventDriver(factory);
        await _admin.AddUserAsync(County, Role.SystemAdmin, "140521");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    [Test]
    public async Task A_township_village_and_grid_are_created_in_turn_and_the_grid_takes_reports_at_once()
    {
        var township = await _admin.CreateAsync(County, new { code = "140521901", name = "测试一镇", parentCode = "140521" });
        var village = await _admin.CreateAsync(County, new { code = "140521901001", name = "测试一村", parentCode = "140521901", kind = "Area", population = 2100 });
        var grid = await _admin.CreateAsync(County, new
        {
            code = "140521901001001", name = "测试一村第1网格", parentCode = "140521901001", gridType = "Rural", population = 700, boundary = Square,
        });

        Assert.That(township.GetProperty("level").GetString(), Is.EqualTo("Township"));
        Assert.That(village.GetProperty("population").GetInt32(), Is.EqualTo(2100));
        var detail = await AdminDriver.JsonAsync(await _admin.GetAsync(County, "/api/admin/units/140521901001001"), HttpStatusCode.OK);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(grid.GetProperty("level").GetString(), Is.EqualTo("Grid"));
            Assert.That(detail.GetProperty("gridType").GetString(), Is.EqualTo("Rural"));
            Assert.That(detail.GetProperty("population").GetInt32(), Is.EqualTo(700));
            Assert.That(detail.GetProperty("boundary").GetProperty("type").GetString(), Is.EqualTo("Polygon"));
            Assert.That(detail.GetProperty("boundary").GetProperty("coordinates")[0].GetArrayLength(), Is.EqualTo(5));
        }

        var children = await ItemsAsync(County, "/api/admin/units?parent=140521901");
        Assert.That(children.Select(c => (c.GetProperty("code").GetString(), c.GetProperty("childCount").GetInt32())), Is.EqualTo(new[] { ("140521901001", 1) }));
        var grids = await ItemsAsync(County, "/api/admin/units?parent=140521901001");
        Assert.That(grids.Single().GetProperty("hasBoundary").GetBoolean(), Is.True);

        // The organisation in memory was reloaded after the commit: the new grid takes a report straight away.
        var dispatcher = await _events.ClientAsync("d140521");
        var report = await dispatcher.PostAsJsonAsync("/api/events", new
        {
            catalogueItemCode = await _events.ItemAsync(), gridCode = "140521901001001", channel = "Hotline12345", title = "新网格的第一件事",
        });
        await AdminDriver.JsonAsync(report, HttpStatusCode.Created);
    }

    [Test]
    public async Task A_department_is_created_under_its_county()
    {
        var department = await _admin.CreateAsync(County, new { code = "140521TJ", name = "沁水县统计局", parentCode = "140521", kind = "Department" });

        Assert.That(department.GetProperty("kind").GetString(), Is.EqualTo("Department"));
        Assert.That(department.GetProperty("level").GetString(), Is.EqualTo("County"));
        Assert.That(department.GetProperty("parentCode").GetString(), Is.EqualTo("140521"));
    }

    [Test]
    public async Task A_grid_without_a_type_is_400_naming_gridType_and_nothing_is_written()
    {
        var before = await _admin.UnitCountAsync();

        var messages = await AdminDriver.FieldProblemAsync(
            await _admin.PostAsync(County, "/api/admin/units", new { code = "140521100001901", name = "无类型网格", parentCode = "140521100001" }), "gridType");

        Assert.That(messages.Single(), Does.StartWith("网格须注明类型").And.Contain("Urban"));
        Assert.That(await _admin.UnitCountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Creating_a_unit_whose_code_is_in_use_is_409()
    {
        var before = await _admin.UnitCountAsync();

        var problem = await AdminDriver.ProblemAsync(
            await _admin.PostAsync(County, "/api/admin/units", new { code = "140521100", name = "又一个龙港镇", parentCode = "140521" }), HttpStatusCode.Conflict);

        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("org.duplicate-code"));
        Assert.That(problem.GetProperty("title").GetString(), Does.Contain("140521100"));
        Assert.That(await _admin.UnitCountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_county_admin_cannot_see_or_touch_another_county_nor_the_city()
    {
        var before = await _admin.UnitCountAsync();

        await AdminDriver.ProblemAsync(await _admin.PostAsync(County, "/api/admin/units", new { code = "140502901", name = "越界镇", parentCode = "140502" }), HttpStatusCode.NotFound);
        await AdminDriver.ProblemAsync(await _admin.PostAsync(County, "/api/admin/units", new { code = "140521ZZZ", name = "越界", parentCode = "140500" }), HttpStatusCode.NotFound);
        await AdminDriver.ProblemAsync(await _admin.GetAsync(County, "/api/admin/units/140502"), HttpStatusCode.NotFound);
        await AdminDriver.ProblemAsync(await _admin.GetAsync(County, "/api/admin/units?parent=140500"), HttpStatusCode.NotFound);
        await AdminDriver.ProblemAsync(await _admin.PatchAsync(County, "/api/admin/units/140502001", "{\"name\":\"改名\"}"), HttpStatusCode.NotFound);
        await AdminDriver.ProblemAsync(await _admin.PostAsync(County, "/api/admin/units/140502001GA/retire", new { reason = "越界" }), HttpStatusCode.NotFound);

        Assert.That(await _admin.UnitCountAsync(), Is.EqualTo(before));
        var own = await AdminDriver.JsonAsync(await _admin.GetAsync(County, "/api/admin/units/140521100"), HttpStatusCode.OK);
        Assert.That(own.GetProperty("name").GetString(), Is.EqualTo("龙港镇"));
    }

    [Test]
    public async Task Only_system_administrators_administer_units()
    {
        var dispatcher = await _admin.ClientAsync("d140521");
        var auditor = await _admin.ClientAsync("auditor");

        Assert.That((await dispatcher.GetAsync("/api/admin/units")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await auditor.PostAsJsonAsync("/api/admin/units", new { code = "140521909", name = "审计建的镇", parentCode = "140521" })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await dispatcher.GetAsync("/api/admin/changes")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_unit_under_a_retired_parent_is_refused_with_422()
    {
        await _admin.CreateAsync(County, new { code = "140521902", name = "测试二镇", parentCode = "140521" });
        await _admin.RetireAsync(County, "140521902");

        var problem = await AdminDriver.ProblemAsync(
            await _admin.PostAsync(County, "/api/admin/units", new { code = "140521902001", name = "测试二村", parentCode = "140521902" }),
            HttpStatusCode.UnprocessableEntity);

        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("org.parent-retired"));
    }

    [Test]
    public async Task Renaming_and_describing_are_recorded_with_old_and_new_values()
    {
        await _admin.CreateAsync(County, new { code = "140521100001951", name = "梅杏社区临时网格", parentCode = "140521100001", gridType = "城镇" });

        var renamed = await AdminDriver.JsonAsync(await _admin.PatchAsync(County, "/api/admin/units/140521100001951", "{\"name\":\"梅杏社区第51网格\"}"), HttpStatusCode.OK);
        var described = await AdminDriver.JsonAsync(await _admin.PatchAsync(County, "/api/admin/units/140521100001951",
            JsonSerializer.Serialize(new { gridType = "Dedicated", population = 1200, boundary = Square })), HttpStatusCode.OK);
        var cleared = await AdminDriver.JsonAsync(await _admin.PatchAsync(County, "/api/admin/units/140521100001951", "{\"boundary\":null}"), HttpStatusCode.OK);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(renamed.GetProperty("name").GetString(), Is.EqualTo("梅杏社区第51网格"));
            Assert.That(described.GetProperty("gridType").GetString(), Is.EqualTo("Dedicated"));
            Assert.That(described.GetProperty("boundary").GetProperty("type").GetString(), Is.EqualTo("Polygon"));
            Assert.That(cleared.GetProperty("boundary").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(cleared.GetProperty("population").GetInt32(), Is.EqualTo(1200), "a property left out keeps its value");
        }

        var log = await _admin.ChangesAsync("auditor", "?subject=140521100001951");
        Assert.That(log.Select(c => c.GetProperty("kind").GetString()), Is.EqualTo(new[] { "UnitDescribed", "UnitDescribed", "UnitRenamed", "UnitCreated" }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(log.Select(c => c.GetProperty("area").GetString()), Is.All.EqualTo("140521100001951"));
            Assert.That(log.Select(c => c.GetProperty("actor").GetProperty("userId").GetString()), Is.All.EqualTo(County));
            Assert.That(log[2].GetProperty("data").GetProperty("old").GetString(), Is.EqualTo("梅杏社区临时网格"));
            Assert.That(log[2].GetProperty("data").GetProperty("new").GetString(), Is.EqualTo("梅杏社区第51网格"));
            Assert.That(log[1].GetProperty("data").GetProperty("old").GetProperty("gridType").GetString(), Is.EqualTo("Urban"));
            Assert.That(log[1].GetProperty("data").GetProperty("new").GetProperty("population").GetInt32(), Is.EqualTo(1200));
            Assert.That(log[0].GetProperty("data").GetProperty("new").GetProperty("boundary").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }
    }

    [Test]
    public async Task A_unit_with_active_units_is_retired_only_after_them()
    {
        await _admin.CreateAsync(County, new { code = "140521903", name = "测试三镇", parentCode = "140521" });
        await _admin.CreateAsync(County, new { code = "140521903001", name = "测试三村", parentCode = "140521903" });
        await _admin.CreateAsync(County, new { code = "140521903001001", name = "测试三村第1网格", parentCode = "140521903001", gridType = "Rural" });

        var refused = await AdminDriver.ProblemAsync(
            await _admin.PostAsync(County, "/api/admin/units/140521903/retire", new { reason = "撤并" }), HttpStatusCode.Conflict);
        Assert.That(refused.GetProperty("type").GetString(), Does.EndWith("org.active-children"));
        Assert.That(refused.GetProperty("title").GetString(), Does.Contain("140521903001"));

        await _admin.RetireAsync(County, "140521903001001");
        await _admin.RetireAsync(County, "140521903001");
        var retired = await _admin.RetireAsync(County, "140521903");

        Assert.That(retired.GetProperty("retiredAt").ValueKind, Is.EqualTo(JsonValueKind.String));
        await AdminDriver.ProblemAsync(await _admin.PostAsync(County, "/api/admin/units/140521903/retire", new { reason = "再撤" }), HttpStatusCode.Conflict);
        var active = (await ItemsAsync(County, "/api/admin/units?parent=140521&limit=500")).Select(u => u.GetProperty("code").GetString());
        var all = (await ItemsAsync(County, "/api/admin/units?parent=140521&includeRetired=true&limit=500")).Select(u => u.GetProperty("code").GetString());
        Assert.That(active, Does.Not.Contain("140521903"));
        Assert.That(all, Does.Contain("140521903"));
        var log = await _admin.ChangesAsync(County, "?subject=140521903&kind=UnitRetired");
        Assert.That(log.Single().GetProperty("data").GetProperty("reason").GetString(), Is.EqualTo("行政区划调整"));
    }

    [Test]
    public async Task Units_are_found_by_name_or_code_only_within_the_area_and_paged_by_code()
    {
        var byName = await ItemsAsync(County, "/api/admin/units?q=" + Uri.EscapeDataString("龙港"));
        var byCode = await ItemsAsync(City, "/api/admin/units?q=140502001&level=Village");
        var otherCounty = await ItemsAsync(County, "/api/admin/units?q=140502");
        var root = await ItemsAsync(County, "/api/admin/units");

        Assert.That(byName.Select(u => u.GetProperty("code").GetString()), Does.Contain("140521100").And.Contain("140521100GA"));
        Assert.That(byName.Select(u => u.GetProperty("code").GetString()), Is.All.StartWith("140521"));
        Assert.That(byCode, Has.Count.GreaterThan(1));
        Assert.That(byCode.Select(u => u.GetProperty("code").GetString()), Is.All.StartWith("140502001"));
        Assert.That(byCode.Select(u => u.GetProperty("level").GetString()), Is.All.EqualTo("Village"));
        Assert.That(otherCounty, Is.Empty);
        Assert.That(root.Single().GetProperty("code").GetString(), Is.EqualTo("140521"));
        Assert.That(root.Single().GetProperty("childCount").GetInt32(), Is.GreaterThan(14));

        var first = await AdminDriver.JsonAsync(await _admin.GetAsync(County, "/api/admin/units?parent=140521100001&limit=4"), HttpStatusCode.OK);
        var next = first.GetProperty("next").GetString();
        var second = await ItemsAsync(County, $"/api/admin/units?parent=140521100001&limit=4&after={next}");
        Assert.That(first.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("code").GetString()),
            Is.EqualTo(new[] { "140521100001001", "140521100001002", "140521100001003", "140521100001004" }));
        Assert.That(next, Is.EqualTo("140521100001004"));
        Assert.That(second[0].GetProperty("code").GetString(), Is.EqualTo("140521100001005"));
    }

    [Test]
    public async Task A_retired_grid_takes_no_new_reports_while_a_case_reported_before_is_still_worked()
    {
        const string grid = "140521101001001";
        var body = new { catalogueItemCode = await _events.ItemAsync(), gridCode = grid, channel = "GridPatrol", title = "撤销前上报的事件" };
        var member = await _events.ClientAsync("g" + grid);
        var before = new EventStep(await AdminDriver.JsonAsync(await member.PostAsJsonAsync("/api/events", body), HttpStatusCode.Created));

        await _admin.RetireAsync(City, grid, "网格调整，并入相邻网格");

        var refused = await AdminDriver.FieldProblemAsync(await member.PostAsJsonAsync("/api/events", body with { title = "撤销后上报的事件" }), "gridCode");
        Assert.That(refused.Single(), Does.StartWith("网格已撤销 / grid " + grid).And.Contain("retired"));
        var filed = await _events.CompleteAsync(before, "triage", "filed", new { difficulty = 2, scope = "Township" });
        Assert.That(filed.Status, Is.EqualTo("Dispatched"));

        // Nor is a case moved to a retired unit by hand.
        await _admin.RetireAsync(County, "140521WJ");
        var reassigned = await _events.ReassignAsync(before.EventId, "d140521", "140521WJ");
        var messages = await AdminDriver.FieldProblemAsync(reassigned, "unitCode");
        Assert.That(messages.Single(), Does.Contain("140521WJ").And.Contain("retired"));
        var resolved = await _events.CompleteAsync(filed, "handle", "resolved", new { resolution = "已处置" });
        Assert.That(resolved.Status, Is.EqualTo("AwaitingVerification"));
    }

    [Test]
    public async Task A_bad_import_lists_every_bad_row_by_line_and_field_and_writes_nothing()
    {
        const string csv = """
            code,name,parentCode,kind,gridType,population,boundary
            140521904,测试四镇,140521,Area,,,
            140521904001001,测试四村第1网格,140521904001,Area,Rural,,
            140521904001,测试四村,140521904,Area,,,
            140521904001002,无类型网格,140521904001,Area,,,
            140521904002001,错村网格,140521904001,Area,Urban,,
            140502904,外县的镇,140502,Area,,,
            140521904001003,负人口网格,140521904001,Area,Urban,-5,
            140521904001004,开口边界网格,140521904001,Area,Urban,,"{""type"":""Polygon"",""coordinates"":[[[112.1,35.1],[112.2,35.1],[112.2,35.2],[112.1,35.2]]]}"
            140521904001,重复的村,140521904,Area,,,
            140521100,已有的镇,140521,Area,,,
            140521904001005,"两行
            的名字",140521904001,Area,Galaxy,,
            140521904003001,无上级网格,140521904003,Area,Rural,,
            """;
        var expected = new[] { "5:gridType", "6:code", "7:code", "8:population", "9:boundary", "10:code", "11:code", "12:gridType", "14:parentCode" };
        var units = await _admin.UnitCountAsync();
        var changes = await _admin.ChangeCountAsync();

        var dryRun = await AdminDriver.JsonAsync(await _admin.ImportAsync(County, "text/csv", csv, dryRun: true), HttpStatusCode.OK);
        var applied = await AdminDriver.ProblemAsync(await _admin.ImportAsync(County, "text/csv", csv, dryRun: false), HttpStatusCode.BadRequest);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(AdminDriver.LinesAndFields(dryRun), Is.EqualTo(expected), dryRun.ToString());
            Assert.That(dryRun.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(dryRun.GetProperty("rows").GetInt32(), Is.EqualTo(12));
            Assert.That(dryRun.GetProperty("total").GetInt32(), Is.EqualTo(3), "the good rows: township, village and grid of lines 2–4");
            Assert.That(AdminDriver.LinesAndFields(applied), Is.EqualTo(expected), applied.ToString());
            Assert.That(applied.GetProperty("type").GetString(), Does.EndWith("import-invalid"));
        }

        Assert.That(await _admin.UnitCountAsync(), Is.EqualTo(units));
        Assert.That(await _admin.ChangeCountAsync(), Is.EqualTo(changes));
    }

    [Test]
    public async Task An_import_applies_all_its_rows_or_none()
    {
        // Children before their parents, as a spreadsheet sorted by name might give them.
        var good = new List<object>
        {
            new { code = "140521906001001", name = "测试六村第1网格", parentCode = "140521906001", gridType = "农村", population = 500 },
            new { code = "140521906001", name = "测试六村", parentCode = "140521906" },
            new { code = "140521906", name = "测试六镇", parentCode = "140521", kind = "Area" },
            new { code = "140521906GA", name = "测试六镇派出所", parentCode = "140521906", kind = "Department" },
        };
        var bad = good.Append(new { code = "140521906001002", name = "测试六村第2网格", parentCode = "140521906001", gridType = "Orbital" }).ToList();
        var units = await _admin.UnitCountAsync();

        var refused = await AdminDriver.ProblemAsync(
            await _admin.ImportAsync(County, "application/json", JsonSerializer.Serialize(bad), dryRun: false), HttpStatusCode.BadRequest);
        Assert.That(AdminDriver.LinesAndFields(refused), Is.EqualTo(new[] { "5:gridType" }));
        Assert.That(await _admin.UnitCountAsync(), Is.EqualTo(units));

        var applied = await AdminDriver.JsonAsync(
            await _admin.ImportAsync(County, "application/json", JsonSerializer.Serialize(good), dryRun: false), HttpStatusCode.OK);
        Assert.That(applied.GetProperty("applied").GetBoolean(), Is.True);
        Assert.That(await _admin.UnitCountAsync(), Is.EqualTo(units + 4));
        var log = await _admin.ChangesAsync(County, "?kind=UnitsImported&subject=140521906");
        var data = log.Single().GetProperty("data");
        Assert.That(data.GetProperty("total").GetInt32(), Is.EqualTo(4));
        Assert.That(data.GetProperty("codes").EnumerateArray().Select(c => c.GetString()),
            Is.EqualTo(new[] { "140521906", "140521906001", "140521906001001", "140521906GA" }));
        var grid = await AdminDriver.JsonAsync(await _admin.GetAsync(County, "/api/admin/units/140521906001001"), HttpStatusCode.OK);
        Assert.That(grid.GetProperty("gridType").GetString(), Is.EqualTo("Rural"));
    }

    [Test]
    public async Task The_sample_files_import_into_the_demo_city()
    {
        var units = await _admin.UnitCountAsync();

        var json = await AdminDriver.JsonAsync(
            await _admin.ImportAsync(City, "application/json", AdminDriver.SampleFile("units.json"), dryRun: true), HttpStatusCode.OK);
        var csv = await AdminDriver.JsonAsync(
            await _admin.ImportAsync(City, "text/csv", AdminDriver.SampleFile("units.csv"), dryRun: false), HttpStatusCode.OK);

        SampleImportTests.AssertSampleCounts(json);
        SampleImportTests.AssertSampleCounts(csv);
        Assert.That(await _admin.UnitCountAsync(), Is.EqualTo(units + 15));
        var county = await ItemsAsync(City, "/api/admin/units?parent=140599");
        Assert.That(county.Select(u => u.GetProperty("code").GetString()),
            Is.EqualTo(new[] { "140599100", "140599200", "140599GA", "140599HB" }));
    }

    [Test]
    public async Task A_whole_county_of_1311_units_imports_in_one_go()
    {
        var csv = new System.Text.StringBuilder("code,name,parentCode,gridType\n140598,整县导入县,140500,\n");
        for (var t = 101; t <= 110; t++)
        {
            csv.Append($"140598{t},第{t}镇,140598,\n");
            for (var v = 1; v <= 10; v++)
            {
                var village = $"140598{t}{v:000}";
                csv.Append($"{village},第{t}镇第{v}村,140598{t},\n");
                for (var g = 1; g <= 12; g++)
                {
                    csv.Append($"{village}{g:000},第{t}镇第{v}村第{g}网格,{village},{(g % 2 == 0 ? "Urban" : "Rural")}\n");
                }
            }
        }

        var units = await _admin.UnitCountAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var applied = await AdminDriver.JsonAsync(await _admin.ImportAsync(City, "text/csv", csv.ToString(), dryRun: false), HttpStatusCode.OK);
        TestContext.Out.WriteLine($"1,311 units imported in {clock.ElapsedMilliseconds} ms.");

        Assert.That(applied.GetProperty("total").GetInt32(), Is.EqualTo(1311), applied.ToString());
        Assert.That(await _admin.UnitCountAsync(), Is.EqualTo(units + 1311));
        Assert.That(await ItemsAsync(City, "/api/admin/units?parent=140598110010"), Has.Count.EqualTo(12));
        var log = await _admin.ChangesAsync(City, "?kind=UnitsImported&subject=140598");
        Assert.That(log.Single().GetProperty("data").GetProperty("codes").GetArrayLength(), Is.EqualTo(1311));
    }

    [Test]
    public async Task The_change_log_is_read_whole_by_auditors_and_by_a_county_admin_for_its_county_only()
    {
        await _admin.CreateAsync(City, new { code = "140502907", name = "城区测试镇", parentCode = "140502" });
        await _admin.CreateAsync(County, new { code = "140521907", name = "沁水测试镇", parentCode = "140521" });

        var audited = (await _admin.ChangesAsync("auditor", "?kind=UnitCreated&limit=200")).Select(c => c.GetProperty("subject").GetString()).ToList();
        var county = await _admin.ChangesAsync(County, "?limit=200");
        var city = (await _admin.ChangesAsync(City, "?kind=UnitCreated&limit=200")).Select(c => c.GetProperty("subject").GetString()).ToList();

        Assert.That(audited, Does.Contain("140502907").And.Contain("140521907"));
        Assert.That(city, Does.Contain("140502907").And.Contain("140521907"));
        Assert.That(county.Select(c => c.GetProperty("subject").GetString()), Does.Contain("140521907").And.Not.Contain("140502907"));
        Assert.That(county.Select(c => c.GetProperty("area").GetString()), Is.All.StartWith("140521"));
        var ids = county.Select(c => c.GetProperty("id").GetInt64()).ToList();
        Assert.That(ids, Is.Ordered.Descending);

        var page = await AdminDriver.JsonAsync(await _admin.GetAsync(City, "/api/admin/changes?limit=1"), HttpStatusCode.OK);
        var newest = page.GetProperty("items")[0].GetProperty("id").GetInt64();
        var older = await _admin.ChangesAsync(City, $"?before={page.GetProperty("next").GetInt64()}&limit=5");
        Assert.That(older.Select(c => c.GetProperty("id").GetInt64()), Is.All.LessThan(newest));
        Assert.That(older, Is.Not.Empty);
    }

    private async Task<List<JsonElement>> ItemsAsync(string userName, string path) =>
        (await AdminDriver.JsonAsync(await _admin.GetAsync(userName, path), HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
}

public sealed class UnitAdministrationOnSqliteTests : UnitAdministrationTests
{
    protected override Task<GridCaseApiFactory> StartAsync() => Task.FromResult(new GridCaseApiFactory());
}

public sealed class UnitAdministrationOnPostgresTests : UnitAdministrationTests
{
    protected override Task<GridCaseApiFactory> StartAsync() => GridCaseApiFactory.OnPostgresAsync("gridcase_units");
}
