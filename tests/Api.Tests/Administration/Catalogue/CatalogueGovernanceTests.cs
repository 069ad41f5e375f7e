using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.Api.Tests.Support;
using GridCase.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Api.Tests.Administration.Catalogue;

/// <summary>
/// Catalogue governance (成熟一批，纳入一批) through HTTP: a batch proposed by one system administrator becomes the
/// county's next catalogue version only when another approves it; an item withdrawn is refused for new reports while
/// cases already running go on. Each test uses item codes of its own; the catalogue's version moves on between tests.
/// </summary>
public abstract class CatalogueGovernanceTests
{
    private const string County = "140521";
    private const string Batches = "/api/admin/catalogue/140521/batches";

    private GridCaseApiFactory _factory = null!;

    protected abstract Task<GridCaseApiFactory> StartAsync();

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = await StartAsync();
        await TestAdministrators.AddAsync(_factory);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    private static JsonObject Item(string code, string category = "QS-01", string owner = "140521HB") => new()
    {
        ["code"] = code,
        ["name"] = "新增事项" + code,
        ["categoryCode"] = category,
        ["owningDepartment"] = owner,
        ["defaultLevel"] = "Township",
        ["timeLimits"] = new JsonObject { ["simple"] = 4, ["ordinary"] = 8, ["complex"] = 24, ["major"] = 72 },
        ["countsTowardClosureRate"] = true,
    };

    private static JsonObject Batch(JsonArray items, JsonArray? categories = null) => new()
    {
        ["note"] = "第二批入格事项 / second batch",
        ["categories"] = categories ?? [],
        ["items"] = items,
    };

    private async Task<JsonElement> CatalogueAsync() =>
        JsonDocument.Parse(await (await _factory.ClientForAsync("d140521")).GetStringAsync("/api/catalogue?county=" + County)).RootElement.Clone();

    private static JsonElement? FindItem(JsonElement catalogue, string code) =>
        catalogue.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray())
            .Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("code").GetString() == code);

    private async Task<string> ProposeAsync(string proposer, JsonObject batch) =>
        (await (await (await _factory.ClientForAsync(proposer)).PostAsJsonAsync(Batches, batch)).JsonAsync(HttpStatusCode.Created))
        .GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> ReportAsync(HttpClient client, string item) =>
        client.PostAsJsonAsync("/api/events", new { catalogueItemCode = item, gridCode = "140521100001001", channel = "GridPatrol", title = "网格巡查发现" });

    private async Task<(int Batches, int Changes)> CountWritesAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        return (await db.CatalogueBatches.CountAsync(), await db.AdminChanges.CountAsync());
    }

    private async Task<List<(string Kind, string Area)>> ChangesAboutAsync(string subject)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        var rows = await db.AdminChanges.AsNoTracking().Where(c => c.Subject == subject).OrderBy(c => c.Id).ToListAsync();
        return rows.ConvertAll(c => (c.Kind, c.Area));
    }

    [Test]
    public async Task A_batch_approved_by_a_second_administrator_becomes_the_next_version_and_can_be_reported()
    {
        var gridMember = await _factory.ClientForAsync("g140521100001001");
        var before = (await CatalogueAsync()).GetProperty("version").GetInt32();

        var proposedResponse = await (await _factory.ClientForAsync(TestAdministrators.Qinshui)).PostAsJsonAsync(Batches,
            Batch([Item("T-MAIN-001", "T-MAIN"), Item("T-MAIN-002")], [new JsonObject { ["code"] = "T-MAIN", ["name"] = "新增类别" }]));
        var proposed = await proposedResponse.JsonAsync(HttpStatusCode.Created);
        var id = proposed.GetProperty("id").GetString()!;
        Assert.That(proposedResponse.Headers.Location?.ToString(), Is.EqualTo($"{Batches}/{id}"));
        Assert.That(proposed.GetProperty("status").GetString(), Is.EqualTo("Proposed"));
        Assert.That(proposed.GetProperty("baseVersion").GetInt32(), Is.EqualTo(before));
        Assert.That(proposed.GetProperty("proposedBy").GetString(), Is.EqualTo(TestAdministrators.Qinshui));
        Assert.That(FindItem(await CatalogueAsync(), "T-MAIN-001"), Is.Null, "nothing enters the catalogue before approval");
        Assert.That((await (await ReportAsync(gridMember, "T-MAIN-001")).JsonAsync(HttpStatusCode.BadRequest)).ErrorFields(), Is.EqualTo(new[] { "catalogueItemCode" }));

        var approved = await (await (await _factory.ClientForAsync("sysadmin"))
            .PostAsJsonAsync($"{Batches}/{id}/approve", new { note = "同意纳入" })).JsonAsync(HttpStatusCode.OK);

        Assert.That(approved.GetProperty("status").GetString(), Is.EqualTo("Approved"));
        Assert.That(approved.GetProperty("version").GetInt32(), Is.EqualTo(before + 1));
        Assert.That(approved.GetProperty("decidedBy").GetString(), Is.EqualTo("sysadmin"));
        var after = await CatalogueAsync();
        Assert.That(after.GetProperty("version").GetInt32(), Is.EqualTo(before + 1));
        var category = after.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "T-MAIN");
        Assert.That(category.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()), Is.EqualTo(new[] { "T-MAIN-001" }));
        var item = FindItem(after, "T-MAIN-002")!.Value;
        Assert.That(item.GetProperty("addedInVersion").GetInt32(), Is.EqualTo(before + 1));
        Assert.That(item.GetProperty("withdrawn").GetBoolean(), Is.False);
        Assert.That(item.GetProperty("timeLimitHours").GetProperty("4").GetInt32(), Is.EqualTo(72));

        var reported = await (await ReportAsync(gridMember, "T-MAIN-001")).JsonAsync(HttpStatusCode.Created);
        Assert.That(reported.GetProperty("status").GetString(), Is.Not.Empty);
        var sysadmin = await _factory.ClientForAsync("sysadmin");
        var listed = await (await sysadmin.GetAsync(Batches + "?status=Approved")).JsonAsync(HttpStatusCode.OK);
        var open = await (await sysadmin.GetAsync(Batches + "?status=proposed")).JsonAsync(HttpStatusCode.OK);
        Assert.That(listed.EnumerateArray().Select(b => b.GetProperty("id").GetString()), Does.Contain(id));
        Assert.That(open.EnumerateArray().Select(b => b.GetProperty("id").GetString()), Does.Not.Contain(id));
        Assert.That(await ChangesAboutAsync(id), Is.EqualTo(new[] { ("CatalogueBatchProposed", County), ("CatalogueBatchApproved", County) }));
    }

    [Test]
    public async Task The_proposer_cannot_approve_or_reject_their_own_batch_and_another_county_administrator_can()
    {
        var proposer = await _factory.ClientForAsync(TestAdministrators.Qinshui);
        var before = (await CatalogueAsync()).GetProperty("version").GetInt32();
        var id = await ProposeAsync(TestAdministrators.Qinshui, Batch([Item("T-SELF-001")]));

        var approve = await (await proposer.PostAsJsonAsync($"{Batches}/{id}/approve", new { })).JsonAsync(HttpStatusCode.Conflict);
        var reject = await (await proposer.PostAsJsonAsync($"{Batches}/{id}/reject", new { note = "撤回" })).JsonAsync(HttpStatusCode.Conflict);

        Assert.That(approve.GetProperty("type").GetString(), Does.EndWith("/four-eyes"));
        Assert.That(approve.GetProperty("detail").GetString(), Does.StartWith("需另一名管理员审批"));
        Assert.That(reject.GetProperty("type").GetString(), Does.EndWith("/four-eyes"));
        var still = await (await proposer.GetAsync($"{Batches}/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.That(still.GetProperty("status").GetString(), Is.EqualTo("Proposed"));
        Assert.That((await CatalogueAsync()).GetProperty("version").GetInt32(), Is.EqualTo(before));

        var colleague = await _factory.ClientForAsync(TestAdministrators.Qinshui2);
        var approved = await (await colleague.PostAsync($"{Batches}/{id}/approve", null)).JsonAsync(HttpStatusCode.OK);
        Assert.That(approved.GetProperty("version").GetInt32(), Is.EqualTo(before + 1));
        Assert.That(FindItem(await CatalogueAsync(), "T-SELF-001"), Is.Not.Null);
    }

    private static IEnumerable<TestCaseData> BadBatches()
    {
        static TestCaseData Case(string field, Action<JsonObject> spoil) => new TestCaseData(field, spoil).SetArgDisplayNames(field);
        static JsonNode Items(JsonObject batch, int index) => batch["items"]![index]!;

        yield return Case("items[2].owningDepartment", b => Items(b, 2)["owningDepartment"] = "140502GA");
        yield return Case("items[1].owningDepartment", b => Items(b, 1)["owningDepartment"] = "140521QQ");
        yield return Case("items[0].owningDepartment", b => Items(b, 0)["owningDepartment"] = "140521");
        yield return Case("items[1].categoryCode", b => Items(b, 1)["categoryCode"] = "NO-SUCH");
        yield return Case("items[0].code", b => Items(b, 0)["code"] = "QS-01-001");
        yield return Case("items[2].code", b => Items(b, 2)["code"] = "T-BAD-001");
        yield return Case("categories[0].code", b => b["categories"]![0]!["code"] = "QS-01");
        yield return Case("items[0].timeLimits.simple", b => Items(b, 0)["timeLimits"]!["simple"] = 0);
        yield return Case("items[1].timeLimits.major", b => Items(b, 1)["timeLimits"]!["major"] = -5);
        yield return Case("items[0].timeLimits", b => Items(b, 0).AsObject().Remove("timeLimits"));
        yield return Case("items[2].defaultLevel", b => Items(b, 2)["defaultLevel"] = "Planet");
        yield return Case("items[0].name", b => Items(b, 0)["name"] = " ");
        yield return Case("items", b => b["items"] = new JsonArray());
        yield return Case("note", b => b.Remove("note"));
    }

    [TestCaseSource(nameof(BadBatches))]
    public async Task A_bad_batch_is_refused_naming_the_field_and_nothing_is_written(string field, Action<JsonObject> spoil)
    {
        var batch = Batch([Item("T-BAD-001", "T-BAD"), Item("T-BAD-002"), Item("T-BAD-003", "T-BAD")],
            [new JsonObject { ["code"] = "T-BAD", ["name"] = "坏批次" }]);
        spoil(batch);
        var writes = await CountWritesAsync();
        var version = (await CatalogueAsync()).GetProperty("version").GetInt32();

        var problem = await (await (await _factory.ClientForAsync(TestAdministrators.Qinshui)).PostAsJsonAsync(Batches, batch))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Does.Contain(field), problem.ToString());
        Assert.That(await CountWritesAsync(), Is.EqualTo(writes));
        Assert.That((await CatalogueAsync()).GetProperty("version").GetInt32(), Is.EqualTo(version));
    }

    [Test]
    public async Task A_withdrawn_item_is_refused_for_new_reports_while_a_running_case_of_it_goes_on()
    {
        var township = await _factory.ClientForAsync("d140521100");
        var admin = await _factory.ClientForAsync(TestAdministrators.Qinshui);
        var catalogue = await CatalogueAsync();
        var item = catalogue.GetProperty("categories").EnumerateArray().Last().GetProperty("items").EnumerateArray().Last().GetProperty("code").GetString()!;
        var version = catalogue.GetProperty("version").GetInt32();
        var running = await (await ReportAsync(township, item)).JsonAsync(HttpStatusCode.Created);
        var triage = running.GetProperty("openTasks")[0].GetProperty("id").GetString();

        var withdrawn = await (await admin.PostAsJsonAsync($"/api/admin/catalogue/{County}/items/{item}/withdraw", new { reason = "职责调整，划出网格" }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.That(withdrawn.GetProperty("withdrawnInVersion").GetInt32(), Is.EqualTo(version + 1));
        var after = await CatalogueAsync();
        Assert.That(after.GetProperty("version").GetInt32(), Is.EqualTo(version + 1));
        Assert.That(FindItem(after, item)!.Value.GetProperty("withdrawn").GetBoolean(), Is.True);
        Assert.That(FindItem(after, item)!.Value.GetProperty("withdrawnInVersion").GetInt32(), Is.EqualTo(version + 1));
        var refused = await (await ReportAsync(township, item)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.That(refused.GetProperty("errors").GetProperty("catalogueItemCode")[0].GetString(), Does.StartWith("事项已退出清单").And.Contain("withdrawn"));

        var filed = await (await township.PostAsJsonAsync($"/api/tasks/{triage}/complete",
            new { outcome = "filed", data = new { difficulty = 2, scope = "Township" } })).JsonAsync(HttpStatusCode.OK);
        Assert.That(filed.GetProperty("openTasks").EnumerateArray().Select(t => t.GetProperty("nodeId").GetString()), Does.Contain("handle"));

        var again = await (await admin.PostAsJsonAsync($"/api/admin/catalogue/{County}/items/{item}/withdraw", new { reason = "再次" })).JsonAsync(HttpStatusCode.Conflict);
        Assert.That(again.GetProperty("type").GetString(), Does.EndWith("/catalogue.withdrawn"));
        await (await admin.PostAsJsonAsync($"/api/admin/catalogue/{County}/items/NO-SUCH/withdraw", new { reason = "无" })).JsonAsync(HttpStatusCode.NotFound);
        var noReason = await (await admin.PostAsJsonAsync($"/api/admin/catalogue/{County}/items/{item}/withdraw", new { reason = "" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.That(noReason.ErrorFields(), Is.EqualTo(new[] { "reason" }));
        Assert.That(await ChangesAboutAsync(item), Is.EqualTo(new[] { ("CatalogueItemWithdrawn", County) }));
    }

    [Test]
    public async Task A_batch_approved_after_the_catalogue_moved_on_is_admitted_as_the_next_version_or_refused_when_it_no_longer_fits()
    {
        var approver = await _factory.ClientForAsync(TestAdministrators.City2);
        var version = (await CatalogueAsync()).GetProperty("version").GetInt32();
        var first = await ProposeAsync(TestAdministrators.Qinshui, Batch([Item("T-MOVE-001")]));
        var second = await ProposeAsync(TestAdministrators.Qinshui, Batch([Item("T-MOVE-002")]));
        var clash = await ProposeAsync(TestAdministrators.Qinshui, Batch([Item("T-MOVE-002")]));

        var secondApproved = await (await approver.PostAsync($"{Batches}/{second}/approve", null)).JsonAsync(HttpStatusCode.OK);
        var firstApproved = await (await approver.PostAsync($"{Batches}/{first}/approve", null)).JsonAsync(HttpStatusCode.OK);
        var stale = await (await approver.PostAsync($"{Batches}/{clash}/approve", null)).JsonAsync(HttpStatusCode.Conflict);

        Assert.That(secondApproved.GetProperty("version").GetInt32(), Is.EqualTo(version + 1));
        Assert.That(firstApproved.GetProperty("version").GetInt32(), Is.EqualTo(version + 2));
        Assert.That(firstApproved.GetProperty("baseVersion").GetInt32(), Is.EqualTo(version));
        Assert.That(FindItem(await CatalogueAsync(), "T-MOVE-001")!.Value.GetProperty("addedInVersion").GetInt32(), Is.EqualTo(version + 2));
        Assert.That(stale.GetProperty("type").GetString(), Does.EndWith("/catalogue.batch-stale"));
        Assert.That(stale.GetProperty("detail").GetString(), Does.Contain("items[0].code"));

        var noNote = await (await approver.PostAsJsonAsync($"{Batches}/{clash}/reject", new { note = " " })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.That(noNote.ErrorFields(), Is.EqualTo(new[] { "note" }));
        var rejected = await (await approver.PostAsJsonAsync($"{Batches}/{clash}/reject", new { note = "与已纳入事项重复" })).JsonAsync(HttpStatusCode.OK);
        Assert.That(rejected.GetProperty("status").GetString(), Is.EqualTo("Rejected"));
        Assert.That(rejected.GetProperty("decisionNote").GetString(), Is.EqualTo("与已纳入事项重复"));
        var decided = await (await approver.PostAsync($"{Batches}/{clash}/approve", null)).JsonAsync(HttpStatusCode.Conflict);
        Assert.That(decided.GetProperty("type").GetString(), Does.EndWith("/catalogue.batch-decided"));
        Assert.That((await CatalogueAsync()).GetProperty("version").GetInt32(), Is.EqualTo(version + 2));
        Assert.That((await ChangesAboutAsync(clash)).Select(c => c.Kind), Is.EqualTo(new[] { "CatalogueBatchProposed", "CatalogueBatchRejected" }));
    }

    [Test]
    public async Task Administrators_govern_only_the_catalogues_of_their_area_and_other_roles_none()
    {
        var id = await ProposeAsync(TestAdministrators.Qinshui, Batch([Item("T-SCOPE-001")]));
        var otherCounty = await _factory.ClientForAsync(TestAdministrators.Chengqu);
        var city = await _factory.ClientForAsync("sysadmin");

        await (await otherCounty.PostAsJsonAsync(Batches, Batch([Item("T-SCOPE-002")]))).JsonAsync(HttpStatusCode.NotFound);
        await (await otherCounty.GetAsync(Batches)).JsonAsync(HttpStatusCode.NotFound);
        await (await otherCounty.GetAsync($"{Batches}/{id}")).JsonAsync(HttpStatusCode.NotFound);
        await (await otherCounty.PostAsync($"{Batches}/{id}/approve", null)).JsonAsync(HttpStatusCode.NotFound);
        await (await otherCounty.GetAsync($"/api/admin/catalogue/140502/batches/{id}")).JsonAsync(HttpStatusCode.NotFound);
        await (await city.GetAsync($"/api/admin/catalogue/140599/batches")).JsonAsync(HttpStatusCode.NotFound);
        await (await city.GetAsync($"{Batches}?status=Pending")).JsonAsync(HttpStatusCode.BadRequest);
        foreach (var user in new[] { "d140521", "admin", "auditor", "h140521HB" })
        {
            var client = await _factory.ClientForAsync(user);
            Assert.That((await client.PostAsJsonAsync(Batches, Batch([Item("T-SCOPE-003")]))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), user);
            Assert.That((await client.GetAsync(Batches)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), user);
        }

        var listed = await (await city.GetAsync(Batches + "?status=Proposed")).JsonAsync(HttpStatusCode.OK);
        Assert.That(listed.EnumerateArray().Select(b => b.GetProperty("id").GetString()), Does.Contain(id));
    }
}

[TestFixture]
public sealed class SqliteCatalogueGovernanceTests : CatalogueGovernanceTests
{
    protected override Task<GridCaseApiFactory> StartAsync() => Task.FromResult(new GridCaseApiFactory());
}

[TestFixture]
public sealed class PostgresCatalogueGovernanceTests : CatalogueGovernanceTests
{
    protected override Task<GridCaseApiFactory> StartAsync() => GridCaseApiFactory.OnPostgresAsync("gridcase_catalogue");
}
