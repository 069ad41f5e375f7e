using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;

namespace GridCase.Api.Tests.Events;

/// <summary>
/// A case is pinned to the version it started on: publishing v2 of a definition leaves running v1 cases on v1
/// to the end, and new cases start on v2. The definition is a copy of event-handling v1 bound to the township (the
/// shipped default has later versions of its own). Its own API, so what it publishes does not reach other tests.
/// </summary>
public sealed class VersionPinningTests
{
    private GridCaseApiFactory _factory = null!;
    private EventDriver _driver = null!;

    private const string Id = "pinned-loop";

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new GridCaseApiFactory();
        _driver = new EventDriver(_factory);
        var admin = await _driver.ClientAsync("admin");
        var document = JsonNode.Parse(await admin.GetStringAsync("/api/workflow-definitions/event-handling/versions/1"))!.AsObject();
        document["id"] = Id;
        await EventDriver.JsonAsync(await admin.PutAsync($"/api/workflow-definitions/{Id}/draft",
            new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        await EventDriver.JsonAsync(await admin.PostAsJsonAsync($"/api/workflow-definitions/{Id}/publish", new { changeNote = "事件分级流转 v1 的副本" }), HttpStatusCode.Created);
        await EventDriver.JsonAsync(await admin.PutAsJsonAsync($"/api/workflow-bindings/{EventDriver.Township}", new { definitionId = Id }), HttpStatusCode.OK);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    [Test]
    public async Task Cases_started_on_v1_finish_on_v1_after_v2_is_published_and_new_cases_start_on_v2()
    {
        var waiting = await _driver.ReportAsync();
        var handling = await _driver.FileAsync(2, "Township");
        Assert.That(Version(waiting), Is.EqualTo(1));

        var published = await PublishRetitledVersionAsync();
        Assert.That(published, Is.EqualTo(2));

        await CloseAsync(await _driver.CompleteAsync(waiting, "triage", "filed", new { difficulty = 3, scope = "County" }));
        await CloseAsync(handling);
        foreach (var pinned in new[] { waiting.EventId, handling.EventId })
        {
            var journal = await _driver.VerifyAsync(pinned);
            Assert.That(journal.Select(e => e.GetProperty("definition").GetProperty("version").GetInt32()), Is.All.EqualTo(1));
            Assert.That(journal[^1].GetProperty("kind").GetString(), Is.EqualTo("Completed"));
        }

        var fresh = await _driver.ReportAsync();
        Assert.That(fresh.Json.GetProperty("workflow").GetProperty("definitionId").GetString(), Is.EqualTo(Id));
        Assert.That(Version(fresh), Is.EqualTo(2));
        await CloseAsync(await _driver.CompleteAsync(fresh, "triage", "filed", new { difficulty = 2, scope = "Village" }));
        var freshJournal = await _driver.VerifyAsync(fresh.EventId);
        Assert.That(freshJournal.Select(e => e.GetProperty("definition").GetProperty("version").GetInt32()), Is.All.EqualTo(2));
    }

    private static int Version(EventStep created) => created.Json.GetProperty("workflow").GetProperty("version").GetInt32();

    /// <summary>As the policy administrator: v1's document with the handling step retitled, saved as the draft and published.</summary>
    private async Task<int> PublishRetitledVersionAsync()
    {
        var admin = await _driver.ClientAsync("admin");
        var document = JsonNode.Parse(await admin.GetStringAsync($"/api/workflow-definitions/{Id}/versions/1"))!.AsObject();
        var handle = document["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "handle")!;
        handle["title"] = "任务处理（限时办结）";
        document["changeNote"] = "任务处理环节更名";

        var saved = await admin.PutAsync($"/api/workflow-definitions/{Id}/draft",
            new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));
        var savedBody = await EventDriver.JsonAsync(saved, HttpStatusCode.OK);
        Assert.That(savedBody.GetProperty("problems").GetArrayLength(), Is.Zero, savedBody.ToString());
        var publish = await admin.PostAsJsonAsync($"/api/workflow-definitions/{Id}/publish", new { changeNote = "任务处理环节更名" });
        return (await EventDriver.JsonAsync(publish, HttpStatusCode.Created)).GetProperty("version").GetInt32();
    }

    private async Task CloseAsync(EventStep filed)
    {
        var resolved = await _driver.CompleteAsync(filed, "handle", "resolved", new { resolution = "已处置" });
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        var evaluated = await _driver.CompleteAsync(confirmed, "evaluate", "evaluated", new { satisfaction = 4 });
        Assert.That(evaluated.Status, Is.EqualTo("Closed"));
        Assert.That(evaluated.OpenTasks, Is.Empty);
    }
}
