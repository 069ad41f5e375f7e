using System.Net;
using System.Text.Json;
using static GridCase.Api.Tests.Events.Reads.ReadsKit;

namespace GridCase.Api.Tests.Events.Reads;

/// <summary>GET /api/events/{id}: the case file with its open tasks; the reporter only for the responsible unit.</summary>
public sealed class GetEventTests
{
    private HttpClient _township = null!;
    private JsonElement _created;
    private JsonElement _filed;

    [OneTimeSetUp]
    public async Task ReportAndTriage()
    {
        _township = await SharedApi.Factory.ClientForAsync("d" + Township);
        using var gridMember = await SharedApi.Factory.ClientForAsync("g" + Grid);
        _created = await ReportAsync(gridMember, "详情：井盖缺失");
        _filed = await TriageAsync(_township, _created);
    }

    [OneTimeTearDown]
    public void Dispose() => _township.Dispose();

    [Test]
    public async Task The_detail_after_triage_shows_the_case_file_and_the_handling_task()
    {
        var detail = await GetAsync(_township, $"/api/events/{Id(_created)}");
        var handle = detail.GetProperty("openTasks").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("id").GetString(), Is.EqualTo(Id(_created)));
            Assert.That(detail.GetProperty("number").GetString(), Is.EqualTo(_created.GetProperty("number").GetString()));
            Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("Dispatched"));
            Assert.That(detail.GetProperty("workflow").GetProperty("definitionId").GetString(), Is.EqualTo(_created.GetProperty("workflow").GetProperty("definitionId").GetString()));
            Assert.That(detail.GetProperty("workflow").GetProperty("version").GetInt32(), Is.EqualTo(_created.GetProperty("workflow").GetProperty("version").GetInt32()));
            Assert.That(detail.GetProperty("catalogueItemCode").GetString(), Does.StartWith("QS-"));
            Assert.That(detail.GetProperty("gridCode").GetString(), Is.EqualTo(Grid));
            Assert.That(detail.GetProperty("channel").GetString(), Is.EqualTo("GridPatrol"));
            Assert.That(detail.GetProperty("title").GetString(), Is.EqualTo("详情：井盖缺失"));
            Assert.That(detail.GetProperty("description").GetString(), Is.EqualTo("读取测试"));
            Assert.That(detail.GetProperty("location").GetProperty("address").GetString(), Is.EqualTo("沁水县龙港镇"));
            Assert.That(detail.GetProperty("location").GetProperty("latitude").GetDouble(), Is.EqualTo(35.69));
            Assert.That(detail.GetProperty("difficulty").GetInt32(), Is.EqualTo(2));
            Assert.That(detail.GetProperty("scope").GetString(), Is.EqualTo("Township"));
            Assert.That(detail.GetProperty("responsibleUnit").GetString(), Is.EqualTo(Township));
            Assert.That(detail.GetProperty("floor").GetString(), Is.EqualTo("Township"));
            Assert.That(detail.GetProperty("returnCount").GetInt32(), Is.Zero);
            Assert.That(detail.GetProperty("extensionCount").GetInt32(), Is.Zero);
            Assert.That(detail.GetProperty("extraHours").GetInt32(), Is.Zero);
            Assert.That(detail.GetProperty("reworkCount").GetInt32(), Is.Zero);
            Assert.That(detail.GetProperty("closureCode").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(detail.GetProperty("closedAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(detail.GetProperty("underSupervision").GetBoolean(), Is.False);
            Assert.That(detail.GetProperty("reportedAt").GetDateTime(), Is.GreaterThanOrEqualTo(detail.GetProperty("occurredAt").GetDateTime()));

            Assert.That(handle.GetProperty("id").GetString(), Is.EqualTo(TaskAt(_filed, "handle")));
            Assert.That(handle.GetProperty("nodeId").GetString(), Is.EqualTo("handle"));
            Assert.That(handle.GetProperty("queue").GetString(), Is.EqualTo(Township));
            Assert.That(handle.GetProperty("form").GetString(), Is.EqualTo("handling"));
            Assert.That(handle.GetProperty("kind").GetString(), Is.EqualTo("Work"));
            Assert.That(handle.GetProperty("status").GetString(), Is.EqualTo("Open"));
            Assert.That(handle.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()), Does.Contain("resolved").And.Contain("returned"));
            Assert.That(handle.GetProperty("dueAt").GetDateTime(), Is.GreaterThan(handle.GetProperty("warnAt").GetDateTime()));
            Assert.That(handle.GetProperty("claimedBy").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(handle.GetProperty("overdue").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task A_closed_event_has_no_open_tasks_and_shows_how_it_closed()
    {
        using var gridMember = await SharedApi.Factory.ClientForAsync("g" + Grid);
        var created = await ReportAsync(gridMember, "详情：重复上报");
        await CompleteAsync(_township, TaskAt(created, "triage"), "invalid", new { closure = "duplicate", reason = "与前一事件重复" });

        var detail = await GetAsync(_township, $"/api/events/{Id(created)}");
        Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("Closed"));
        Assert.That(detail.GetProperty("closureCode").GetString(), Is.EqualTo("Duplicate"));
        Assert.That(detail.GetProperty("closedAt").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(detail.GetProperty("openTasks").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task The_responsible_unit_sees_the_reporter_in_full()
    {
        var reporter = (await GetAsync(_township, $"/api/events/{Id(_created)}")).GetProperty("reporter");
        Assert.That(reporter.GetProperty("phone").GetString(), Is.EqualTo(Phone));
        Assert.That(reporter.GetProperty("name").GetString(), Is.EqualTo("张三"));
        Assert.That(reporter.GetProperty("masked").GetBoolean(), Is.False);
    }

    [TestCase("d140521", Description = "the county above, in sight but not responsible")]
    [TestCase("auditor")]
    [TestCase("admin")]
    [TestCase("g" + Grid, Description = "the grid member who reported it")]
    public async Task Everyone_else_sees_the_reporter_masked(string user)
    {
        using var caller = await SharedApi.Factory.ClientForAsync(user);
        var text = await (await caller.GetAsync($"/api/events/{Id(_created)}")).Content.ReadAsStringAsync();
        var reporter = JsonDocument.Parse(text).RootElement.GetProperty("reporter");
        Assert.That(reporter.GetProperty("phone").GetString(), Is.EqualTo(MaskedPhone));
        Assert.That(reporter.GetProperty("name").GetString(), Is.EqualTo("张*"));
        Assert.That(reporter.GetProperty("masked").GetBoolean(), Is.True);
        Assert.That(text, Does.Not.Contain(Phone));
    }

    [Test]
    public async Task The_phone_follows_the_responsibility_down_to_the_village()
    {
        using var gridMember = await SharedApi.Factory.ClientForAsync("g" + Grid);
        var created = await ReportAsync(gridMember, "详情：邻里纠纷");
        var filed = await TriageAsync(_township, created, scope: "Village");
        Assert.That(filed.GetProperty("responsibleUnit").GetString(), Is.EqualTo(Village));

        using var village = await SharedApi.Factory.ClientForAsync("h" + Village);
        var forVillage = await GetAsync(village, $"/api/events/{Id(created)}");
        var forTownship = await GetAsync(_township, $"/api/events/{Id(created)}");
        Assert.That(forVillage.GetProperty("reporter").GetProperty("phone").GetString(), Is.EqualTo(Phone));
        Assert.That(forTownship.GetProperty("reporter").GetProperty("phone").GetString(), Is.EqualTo(MaskedPhone));
    }

    [Test]
    public async Task The_centre_that_triages_or_visits_back_sees_the_reporter_to_call_them()
    {
        using var gridMember = await SharedApi.Factory.ClientForAsync("g" + Grid);
        var created = await ReportAsync(gridMember, "详情：回访电话");
        var atTriage = await GetAsync(_township, $"/api/events/{Id(created)}");
        Assert.That(atTriage.GetProperty("responsibleUnit").GetString(), Is.EqualTo(Grid), "the grid is responsible until triage");
        Assert.That(atTriage.GetProperty("reporter").GetProperty("phone").GetString(), Is.EqualTo(Phone), "triage calls back");

        var filed = await TriageAsync(_township, created, scope: "Village");
        using var village = await SharedApi.Factory.ClientForAsync("h" + Village);
        var resolved = await CompleteAsync(village, TaskAt(filed, "handle"), "resolved", new { resolution = "已调解" });
        var confirmed = await CompleteAsync(_township, TaskAt(resolved, "verify"), "confirmed", new { });
        Assert.That(confirmed.GetProperty("openTasks").EnumerateArray().Select(t => t.GetProperty("nodeId").GetString()), Is.EqualTo(new[] { "evaluate" }));

        var atVisit = await GetAsync(_township, $"/api/events/{Id(created)}");
        Assert.That(atVisit.GetProperty("responsibleUnit").GetString(), Is.EqualTo(Village));
        Assert.That(atVisit.GetProperty("reporter").GetProperty("phone").GetString(), Is.EqualTo(Phone), "the return visit calls back");
        var forCounty = await GetAsync(await SharedApi.Factory.ClientForAsync("d140521"), $"/api/events/{Id(created)}");
        Assert.That(forCounty.GetProperty("reporter").GetProperty("phone").GetString(), Is.EqualTo(MaskedPhone));
    }

    [Test]
    public async Task An_unknown_id_is_not_found() =>
        await GetAsync(_township, $"/api/events/{Guid.NewGuid()}", HttpStatusCode.NotFound);
}
