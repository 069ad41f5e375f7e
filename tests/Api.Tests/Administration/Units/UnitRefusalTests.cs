using System.Net;
using System.Text.Json;

namespace GridCase.Api.Tests.Administration.Units;

/// <summary>
/// Bad units and bad import files are refused with the field named, on the shared demo API: every request here is
/// refused or a dry run, so none of them writes anything (checked by counting units).
/// </summary>
public sealed class UnitRefusalTests
{
    private const string Admin = AdminDriver.CityAdmin;

    private AdminDriver _admin = null!;

    [OneTimeSetUp]
    public void Start() =>
        _admin = new AdminDriver(SharedApi.Factory.Services, (user, password) => AdminDriver.SignInAsync(SharedApi.Factory.CreateClient(), user, password));

    // 梅杏社区 is village 140521100001 of 龙港镇 140521100 in 沁水县 140521.
    [TestCase("""{"code":"140521100002901","name":"网格","parentCode":"140521100001","gridType":"Rural"}""", "code", TestName = "A grid whose code does not extend its village's is 400 naming code")]
    [TestCase("""{"code":"1405211000019","name":"网格","parentCode":"140521100001","gridType":"Rural"}""", "code", TestName = "A code of no known length is 400 naming code")]
    [TestCase("""{"code":"140521100901","name":"村","parentCode":"140521100","gridType":"Urban"}""", "gridType", TestName = "A village with a grid type is 400 naming gridType")]
    [TestCase("""{"code":"140521100901","name":"村","parentCode":"140521100","boundary":{"type":"Polygon","coordinates":[[[112,35],[112.1,35],[112.1,35.1],[112,35]]]}}""", "boundary", TestName = "A village with a boundary is 400 naming boundary")]
    [TestCase("""{"code":"140521901","name":"镇","parentCode":"140521100001"}""", "parentCode", TestName = "A township under a village is 400 naming parentCode")]
    [TestCase("""{"code":"140502ZZZ","name":"部门","parentCode":"140521"}""", "code", TestName = "A department whose digits are not its owner's code is 400 naming code")]
    [TestCase("""{"code":"140521100001ZZ","name":"部门","parentCode":"140521100001"}""", "parentCode", TestName = "A department under a village is 400 naming parentCode")]
    [TestCase("""{"code":"150100","name":"市","parentCode":"140500"}""", "code", TestName = "A second city is 400 naming code")]
    [TestCase("""{"code":"140521100001901","name":"网格","parentCode":"140521100001","gridType":"Rural","population":-1}""", "population", TestName = "A negative population is 400 naming population")]
    [TestCase("""{"code":"140521901","name":"镇","parentCode":"140521","kind":"Department"}""", "kind", TestName = "A kind that contradicts the code is 400 naming kind")]
    [TestCase("""{"code":"140521100001901","name":"网格","parentCode":"140521100001","gridType":"Galaxy"}""", "gridType", TestName = "An unknown grid type is 400 naming gridType")]
    [TestCase("""{"code":"140521901","name":" ","parentCode":"140521"}""", "name", TestName = "A blank name is 400 naming name")]
    [TestCase("""{"code":"140521901","name":"镇","parentCode":"abc"}""", "parentCode", TestName = "A parent code that is no code is 400 naming parentCode")]
    public async Task A_unit_that_breaks_a_rule_is_400_naming_the_field(string json, string field)
    {
        var before = await _admin.UnitCountAsync();

        var messages = await AdminDriver.FieldProblemAsync(await _admin.PostJsonTextAsync(Admin, "/api/admin/units", json), field);

        Assert.That(messages, Has.All.Contains(" / "), "Chinese first, then English");
        Assert.That(await _admin.UnitCountAsync(), Is.EqualTo(before));
    }

    [TestCase("""{"type":"Point","coordinates":[112.1,35.1]}""", TestName = "A Point is no boundary")]
    [TestCase("""{"type":"Polygon","coordinates":[[[112.1,35.1],[112.2,35.1],[112.2,35.2],[112.1,35.2]]]}""", TestName = "An open ring is no boundary")]
    [TestCase("""{"type":"Polygon","coordinates":[[[112.1,35.1],[112.2,35.1],[112.1,35.1]]]}""", TestName = "A ring of three positions is no boundary")]
    [TestCase("""{"type":"Polygon","coordinates":[[[181,35.1],[112.2,35.1],[112.2,35.2],[181,35.1]]]}""", TestName = "A longitude beyond 180 is no boundary")]
    [TestCase("""{"type":"Polygon","coordinates":[[[112.1,-91],[112.2,35.1],[112.2,35.2],[112.1,-91]]]}""", TestName = "A latitude beyond -90 is no boundary")]
    [TestCase("""{"type":"Polygon","coordinates":[[["112.1","35.1"],[112.2,35.1],[112.2,35.2],["112.1","35.1"]]]}""", TestName = "Positions of text are no boundary")]
    [TestCase("""{"type":"MultiPolygon","coordinates":[]}""", TestName = "An empty MultiPolygon is no boundary")]
    [TestCase("""{"type":"Polygon"}""", TestName = "A Polygon without coordinates is no boundary")]
    [TestCase("\"not json at all\"", TestName = "Text that is not GeoJSON is no boundary")]
    public async Task A_boundary_that_is_not_a_closed_WGS84_polygon_is_400_naming_boundary(string boundary)
    {
        var json = $$"""{"code":"140521100001901","name":"网格","parentCode":"140521100001","gridType":"Rural","boundary":{{boundary}}}""";

        var messages = await AdminDriver.FieldProblemAsync(await _admin.PostJsonTextAsync(Admin, "/api/admin/units", json), "boundary");

        Assert.That(messages.Single(), Does.Contain("boundary"));
    }

    [TestCase("""{"type":"Polygon","coordinates":[[[112.1,35.1],[112.3,35.1],[112.3,35.3],[112.1,35.3],[112.1,35.1]],[[112.15,35.15],[112.2,35.15],[112.2,35.2],[112.15,35.15]]]}""", TestName = "A Polygon with a hole is a boundary")]
    [TestCase("""{"type":"MultiPolygon","coordinates":[[[[112.1,35.1],[112.2,35.1],[112.2,35.2],[112.1,35.1]]],[[[112.3,35.1],[112.4,35.1],[112.4,35.2,900],[112.3,35.1]]]]}""", TestName = "A MultiPolygon with an altitude is a boundary")]
    public async Task A_closed_polygon_passes_as_a_boundary(string boundary)
    {
        var rows = $$"""[{"code":"140521100001901","name":"网格","parentCode":"140521100001","gridType":"Rural","boundary":{{boundary}}}]""";

        var report = await AdminDriver.JsonAsync(await _admin.ImportAsync(Admin, "application/json", rows, dryRun: true), HttpStatusCode.OK);

        Assert.That(report.GetProperty("valid").GetBoolean(), Is.True, report.ToString());
    }

    [TestCase("Urban", "城镇")]
    [TestCase("rural", "农村网格")]
    [TestCase("DEDICATED", "专属")]
    public async Task Grid_types_are_read_in_english_and_in_chinese(string english, string chinese)
    {
        var csv = $"""
            code,name,parentCode,gridType
            140521100001901,网格甲,140521100001,{english}
            140521100001902,网格乙,140521100001,{chinese}
            """;

        var report = await AdminDriver.JsonAsync(await _admin.ImportAsync(Admin, "text/csv", csv, dryRun: true), HttpStatusCode.OK);

        Assert.That(report.GetProperty("valid").GetBoolean(), Is.True, report.ToString());
        Assert.That(report.GetProperty("counts").GetProperty("Grid").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Bad_json_rows_are_listed_by_their_position()
    {
        const string json = """
            [
              {"code":"140521905","name":"测试五镇","parentCode":"140521"},
              {"code":"140521905001","name":"","parentCode":"140521905"},
              {"code":"140521905002","name":"村","parentCode":"140521905","colour":"red"},
              {"code":"140521905001001","name":"网格","parentCode":"140521905001","gridType":"Rural"},
              42,
              {"code":"140521905003","name":["村"],"parentCode":"140521905"}
            ]
            """;

        var report = await AdminDriver.JsonAsync(await _admin.ImportAsync(Admin, "application/json", json, dryRun: true), HttpStatusCode.OK);

        Assert.That(AdminDriver.LinesAndFields(report), Is.EqualTo(new[] { "2:name", "3:colour", "4:parentCode", "5:", "6:name" }), report.ToString());
        Assert.That(report.GetProperty("total").GetInt32(), Is.EqualTo(1));
    }

    [TestCase("code,name\n140521901,镇\n", "1:parentCode", TestName = "A header without parentCode is refused on line 1")]
    [TestCase("code,name,parentCode,colour\n140521901,镇,140521,red\n", "1:colour", TestName = "An unknown column is refused on line 1")]
    [TestCase("code,name,parentCode\n", "1:", TestName = "A file without rows is refused")]
    [TestCase("code,name,parentCode\n140521901,镇,140521,extra\n", "2:", TestName = "A row with more fields than columns is refused on its line")]
    [TestCase("[", "1:", TestName = "Malformed JSON is refused")]
    [TestCase("{\"code\":\"140521901\"}", "1:", TestName = "A JSON object instead of an array is refused")]
    public async Task A_file_that_cannot_be_read_is_refused_with_its_line(string text, string expected)
    {
        var mediaType = text.StartsWith('[') || text.StartsWith('{') ? "application/json" : "text/csv";

        var report = await AdminDriver.JsonAsync(await _admin.ImportAsync(Admin, mediaType, text, dryRun: true), HttpStatusCode.OK);

        Assert.That(AdminDriver.LinesAndFields(report), Does.Contain(expected), report.ToString());
        Assert.That(report.GetProperty("valid").GetBoolean(), Is.False);
    }

    [Test]
    public async Task An_import_that_is_neither_csv_nor_json_is_415()
    {
        var response = await _admin.ImportAsync(Admin, "application/xml", "<units/>", dryRun: true);

        var problem = await AdminDriver.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem.GetProperty("title").GetString(), Does.Contain("text/csv"));
    }

    [Test]
    public async Task A_file_that_is_not_utf8_is_400_before_any_row_is_read()
    {
        // 示例县 in GBK, as a spreadsheet might save it.
        byte[] gbk = [.. "code,name,parentCode\n140599,"u8, 0xCA, 0xBE, 0xC0, 0xFD, 0xCF, 0xD8, .. ",140500\n"u8];
        var client = await _admin.ClientAsync(Admin);
        using var content = new ByteArrayContent(gbk);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");

        var problem = await AdminDriver.ProblemAsync(await client.PostAsync("/api/admin/units/import?dryRun=true", content), HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("import-encoding"));
        Assert.That(problem.GetProperty("title").GetString(), Does.Contain("UTF-8"));
    }

    [Test]
    public async Task A_change_that_changes_nothing_is_400()
    {
        var messages = await AdminDriver.FieldProblemAsync(await _admin.PatchAsync(Admin, "/api/admin/units/140521100", "{}"), "");

        Assert.That(messages.Single(), Does.Contain("nothing to change"));
    }

    [TestCase("{\"population\":-3}", "population")]
    [TestCase("{\"population\":\"many\"}", "population")]
    [TestCase("{\"name\":\"\"}", "name")]
    [TestCase("{\"gridType\":\"Urban\"}", "gridType")]
    [TestCase("{\"boundary\":{\"type\":\"Point\",\"coordinates\":[1,2]}}", "boundary")]
    public async Task A_bad_change_is_400_naming_the_field(string json, string field)
    {
        // 龙港镇 is a township: it has a population but no grid type.
        await AdminDriver.FieldProblemAsync(await _admin.PatchAsync(Admin, "/api/admin/units/140521100", json), field);

        var township = await AdminDriver.JsonAsync(await _admin.GetAsync(Admin, "/api/admin/units/140521100"), HttpStatusCode.OK);
        Assert.That(township.GetProperty("gridType").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }
}
