using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridCase.Api.Tests.Events;

/// <summary>The main path of the default workflow through HTTP: report → triage → handle → verify → evaluate.</summary>
public sealed class MainPathTests
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string TaskAt(JsonElement step, string nodeId) =>
        step.GetProperty("openTasks").EnumerateArray().Single(t => t.GetProperty("nodeId").GetString() == nodeId).GetProperty("id").GetString()!;

    [Test]
    public async Task A_reported_event_goes_through_the_whole_closed_loop()
    {
        var gridMember = await SharedApi.Factory.ClientForAsync("g140521100001001");
        var township = await SharedApi.Factory.ClientForAsync("d140521100");
        var catalogue = JsonDocument.Parse(await township.GetStringAsync("/api/catalogue?county=140521")).RootElement;
        var item = catalogue.GetProperty("categories")[0].GetProperty("items")[0].GetProperty("code").GetString();

        var created = await JsonAsync(await gridMember.PostAsJsonAsync("/api/events", new
        {
            catalogueItemCode = item,
            gridCode = "140521100001001",
            channel = "GridPatrol",
            title = "小区门口垃圾堆放",
            description = "垃圾堆放三天未清运",
            reporter = new { name = "张三", phone = "13812345678" },
        }), HttpStatusCode.Created);
        Assert.That(created.GetProperty("number").GetString(), Does.Match(@"^QS-\d{4}-\d{6}$"));
        Assert.That(created.GetProperty("workflow").GetProperty("definitionId").GetString(), Is.EqualTo("event-handling"));
        var triage = TaskAt(created, "triage");

        var filed = await JsonAsync(await township.PostAsJsonAsync($"/api/tasks/{triage}/complete",
            new { outcome = "filed", data = new { difficulty = 2, scope = "Township" } }), HttpStatusCode.OK);
        Assert.That(filed.GetProperty("responsibleUnit").GetString(), Is.EqualTo("140521100"));
        Assert.That(filed.GetProperty("eventStatus").GetString(), Is.EqualTo("Dispatched"));

        var resolved = await JsonAsync(await township.PostAsJsonAsync($"/api/tasks/{TaskAt(filed, "handle")}/complete",
            new { outcome = "resolved", data = new { resolution = "已清运" } }), HttpStatusCode.OK);
        Assert.That(resolved.GetProperty("eventStatus").GetString(), Is.EqualTo("AwaitingVerification"));

        var confirmed = await JsonAsync(await township.PostAsJsonAsync($"/api/tasks/{TaskAt(resolved, "verify")}/complete",
            new { outcome = "confirmed" }), HttpStatusCode.OK);
        Assert.That(confirmed.GetProperty("eventStatus").GetString(), Is.EqualTo("Closed"));

        var evaluated = await JsonAsync(await township.PostAsJsonAsync($"/api/tasks/{TaskAt(confirmed, "evaluate")}/complete",
            new { outcome = "evaluated", data = new { satisfaction = 5 } }), HttpStatusCode.OK);
        Assert.That(evaluated.GetProperty("openTasks").GetArrayLength(), Is.Zero);
        Assert.That(evaluated.GetProperty("journal").EnumerateArray().Select(k => k.GetString()), Does.Contain("Completed"));

        var auditor = await SharedApi.Factory.ClientForAsync("auditor");
        var id = created.GetProperty("id").GetString();
        var verify = await JsonAsync(await auditor.GetAsync($"/api/events/{id}/journal/verify"), HttpStatusCode.OK);
        Assert.That(verify.GetProperty("chainValid").GetBoolean(), Is.True);
        Assert.That(verify.GetProperty("replayMatches").GetBoolean(), Is.True, verify.ToString());
        var journal = await JsonAsync(await auditor.GetAsync($"/api/events/{id}/journal"), HttpStatusCode.OK);
        Assert.That(journal.EnumerateArray().Select(e => e.GetProperty("actor").GetProperty("userId").GetString()), Is.All.Not.Empty);
        Assert.That(journal.ToString(), Does.Not.Contain("13812345678").And.Not.Contain("张三"));
        var actors = journal.EnumerateArray().Select(e => e.GetProperty("actor")).ToList();
        var dispatcher = actors.First(a => a.GetProperty("userId").GetString() == "d140521100");
        Assert.That(dispatcher.GetProperty("name").GetString(), Does.EndWith("指挥中心调度员"), "auditors read the person's name, not only the id");
        Assert.That(actors.Where(a => a.GetProperty("userId").GetString() == "system").Select(a => a.GetProperty("name").ValueKind), Is.All.EqualTo(JsonValueKind.Null));
        var replay = await JsonAsync(await auditor.GetAsync($"/api/events/{id}/replay?at=8"), HttpStatusCode.OK);
        Assert.That(replay.GetProperty("activeNodeIds").EnumerateArray().Select(n => n.GetString()), Is.EqualTo(new[] { "triage" }));
    }
}
