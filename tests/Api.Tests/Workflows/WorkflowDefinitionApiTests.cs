using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.Api.Tests.Support;

namespace GridCase.Api.Tests.Workflows;

public sealed class WorkflowDefinitionApiTests
{
    private static string NewId() => "test-" + Guid.NewGuid().ToString("N")[..8];

    //  start ─▶ route_township ─▶ handle(responsible) ─▶ end
    private static JsonObject ValidDocument(string id, string handleTitle = "处置") => JsonNode.Parse($$"""
        {
          "id": "{{id}}", "name": "测试流程", "variables": {},
          "nodes": [
            { "id": "start", "type": "Start", "layout": { "x": 0, "y": 0 } },
            { "id": "route_township", "type": "Route", "props": { "target": { "level": "Township" } } },
            { "id": "handle", "type": "HumanTask", "title": "{{handleTitle}}", "props": { "queue": { "responsible": true }, "form": "handle", "outcomes": ["done"] } },
            { "id": "end", "type": "End", "props": { "closureCode": "resolved" } }
          ],
          "connections": [
            { "from": "start", "outcome": "done", "to": "route_township" },
            { "from": "route_township", "outcome": "done", "to": "handle" },
            { "from": "handle", "outcome": "done", "to": "end" }
          ]
        }
        """)!.AsObject();

    //  start ─▶ route_township ─▶ back_to_grid(level Grid) ─▶ end
    private static JsonObject PushDownDocument(string id)
    {
        var document = ValidDocument(id);
        document["nodes"]![2]!["props"]!["queue"] = new JsonObject { ["level"] = "Grid" };
        document["nodes"]![2]!["id"] = "back_to_grid";
        document["connections"]![1]!["to"] = "back_to_grid";
        document["connections"]![2]!["from"] = "back_to_grid";
        return document;
    }

    private static async Task<HttpResponseMessage> PutDraftAsync(HttpClient client, string id, JsonObject document) =>
        await client.PutAsync($"/api/workflow-definitions/{id}/draft", new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Test]
    public async Task The_shipped_event_handling_workflow_is_published_at_start()
    {
        var client = await SharedApi.Factory.ClientForAsync("auditor");

        var versions = await JsonAsync(await client.GetAsync("/api/workflow-definitions/event-handling/versions"));
        var v1 = await client.GetAsync("/api/workflow-definitions/event-handling/versions/1");

        Assert.That(versions[0].GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(versions[0].GetProperty("publishedBy").GetString(), Is.EqualTo("gridcase"));
        Assert.That(v1.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_draft_with_a_push_down_path_saves_but_does_not_publish()
    {
        var client = await SharedApi.Factory.ClientForAsync("admin");
        var id = NewId();

        var saved = await JsonAsync(await PutDraftAsync(client, id, PushDownDocument(id)));
        var publish = await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { changeNote = "try" });

        Assert.That(saved.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()), Does.Contain("push-down-path"));
        Assert.That(publish.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await JsonAsync(publish);
        var pushDown = problem.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "push-down-path");
        Assert.That(pushDown.GetProperty("nodeIds").EnumerateArray().Select(n => n.GetString()), Is.EqualTo(new[] { "route_township", "back_to_grid" }));
        Assert.That((await JsonAsync(await client.GetAsync($"/api/workflow-definitions/{id}/versions"))).GetArrayLength(), Is.Zero);
    }

    [TestCase("zh-CN", "handle：deadline.warnAt 须为 0 与 1 之间（不含 0 和 1）的小数，如 0.8")]
    [TestCase("en", "handle: deadline.warnAt must be a fraction between 0 and 1 (exclusive), e.g. 0.8.")]
    public async Task A_property_problem_answers_in_the_callers_language_in_its_own_words(string language, string expected)
    {
        var client = await SharedApi.Factory.ClientForAsync("admin");
        var id = NewId();
        var document = ValidDocument(id);
        document["nodes"]![2]!["props"]!["deadline"] = new JsonObject { ["workingHours"] = 2, ["warnAt"] = 1.5 };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/workflow-definitions/{id}/draft")
        {
            Content = new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", language);

        var saved = await JsonAsync(await client.SendAsync(request));

        var problem = saved.GetProperty("problems").EnumerateArray().Single();
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("invalid-property"));
        Assert.That(problem.GetProperty("message").GetString(), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_valid_draft_publishes_as_the_next_version_with_its_change_note()
    {
        var client = await SharedApi.Factory.ClientForAsync("admin");
        var id = NewId();
        await PutDraftAsync(client, id, ValidDocument(id));

        var first = await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { changeNote = "第一版" });
        await PutDraftAsync(client, id, ValidDocument(id, "处置（改）"));
        var second = await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { changeNote = "改标题" });
        var versions = await JsonAsync(await client.GetAsync($"/api/workflow-definitions/{id}/versions"));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await JsonAsync(second)).GetProperty("version").GetInt32(), Is.EqualTo(2));
        Assert.That(second.Headers.Location?.ToString(), Is.EqualTo($"/api/workflow-definitions/{id}/versions/2"));
        Assert.That(versions.EnumerateArray().Select(v => v.GetProperty("changeNote").GetString()), Is.EqualTo(new[] { "第一版", "改标题" }));
        Assert.That(versions.EnumerateArray().Select(v => v.GetProperty("publishedBy").GetString()), Is.All.EqualTo("admin"));
        Assert.That((await client.GetAsync($"/api/workflow-definitions/{id}/draft")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Publishing_needs_a_change_note()
    {
        var client = await SharedApi.Factory.ClientForAsync("admin");
        var id = NewId();
        await PutDraftAsync(client, id, ValidDocument(id));

        var response = await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { changeNote = " " });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await JsonAsync(response)).GetProperty("errors").TryGetProperty("changeNote", out _), Is.True);
    }

    [Test]
    public async Task Diff_names_the_changed_node_and_rollback_makes_a_draft_of_the_old_version()
    {
        var client = await SharedApi.Factory.ClientForAsync("admin");
        var id = NewId();
        await PutDraftAsync(client, id, ValidDocument(id));
        await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { changeNote = "v1" });
        await PutDraftAsync(client, id, ValidDocument(id, "处置（改）"));
        await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { changeNote = "v2" });

        var diff = await JsonAsync(await client.GetAsync($"/api/workflow-definitions/{id}/diff?from=1&to=2"));
        var rollback = await client.PostAsync($"/api/workflow-definitions/{id}/versions/1/rollback", null);
        var draft = await JsonAsync(await client.GetAsync($"/api/workflow-definitions/{id}/draft"));

        var changed = diff.GetProperty("nodes").EnumerateArray().Where(n => n.GetProperty("change").GetString() != "unchanged").ToList();
        Assert.That(changed.Select(n => n.GetProperty("id").GetString()), Is.EqualTo(new[] { "handle" }));
        Assert.That(rollback.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(draft.GetProperty("basedOnVersion").GetInt32(), Is.EqualTo(1));
        Assert.That(draft.GetProperty("definition").GetProperty("nodes")[2].GetProperty("title").GetString(), Is.EqualTo("处置"));
        Assert.That((await JsonAsync(await client.GetAsync($"/api/workflow-definitions/{id}/versions/2"))).GetProperty("nodes")[2].GetProperty("title").GetString(),
            Is.EqualTo("处置（改）"));
    }

    [Test]
    public async Task A_retired_version_stays_readable_but_the_last_published_one_cannot_be_retired()
    {
        var client = await SharedApi.Factory.ClientForAsync("admin");
        var id = NewId();
        await PutDraftAsync(client, id, ValidDocument(id));
        await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { changeNote = "v1" });

        var lastOne = await client.PostAsync($"/api/workflow-definitions/{id}/versions/1/retire", null);
        await PutDraftAsync(client, id, ValidDocument(id, "处置（改）"));
        await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { changeNote = "v2" });
        var retired = await JsonAsync(await client.PostAsync($"/api/workflow-definitions/{id}/versions/1/retire", null));
        var versions = await JsonAsync(await client.GetAsync($"/api/workflow-definitions/{id}/versions"));

        Assert.That(lastOne.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(retired.GetProperty("latestPublishedVersion").GetInt32(), Is.EqualTo(2));
        Assert.That(versions.EnumerateArray().Select(v => v.GetProperty("status").GetString()), Is.EqualTo(new[] { "Retired", "Published" }));
        Assert.That((await client.GetAsync($"/api/workflow-definitions/{id}/versions/1")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_version_new_cases_are_held_at_cannot_be_retired()
    {
        var id = NewId();
        await using var factory = new GridCaseApiFactory(settings: new Dictionary<string, string> { [$"GridCase:Workflows:StartVersion:{id}"] = "1" });
        var client = await factory.ClientForAsync("admin");
        await PutDraftAsync(client, id, ValidDocument(id));
        await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { changeNote = "v1" });
        await PutDraftAsync(client, id, ValidDocument(id, "处置（改）"));
        await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { changeNote = "v2" });

        var held = await client.PostAsync($"/api/workflow-definitions/{id}/versions/1/retire", null);
        var other = await client.PostAsync($"/api/workflow-definitions/{id}/versions/2/retire", null);

        Assert.That(held.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await JsonAsync(held)).GetProperty("type").GetString(), Does.EndWith("workflow.start-version"));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("d140521")]
    [TestCase("auditor")]
    public async Task Only_a_policy_administrator_may_save_or_publish(string userName)
    {
        var client = await SharedApi.Factory.ClientForAsync(userName);
        var id = NewId();

        var save = await PutDraftAsync(client, id, ValidDocument(id));
        var publish = await client.PostAsJsonAsync("/api/workflow-definitions/event-handling/publish", new { changeNote = "x" });
        var rollback = await client.PostAsync("/api/workflow-definitions/event-handling/versions/1/rollback", null);

        Assert.That(save.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(publish.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(rollback.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Validate_checks_a_document_without_saving_it()
    {
        var client = await SharedApi.Factory.ClientForAsync("d140521");
        var id = NewId();

        var response = await client.PostAsync($"/api/workflow-definitions/{id}/draft/validate",
            new StringContent(PushDownDocument(id).ToJsonString(), Encoding.UTF8, "application/json"));

        var body = await JsonAsync(response);
        Assert.That(body.GetProperty("valid").GetBoolean(), Is.False);
        Assert.That((await client.GetAsync($"/api/workflow-definitions/{id}/draft")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("{\"nodes\": 3}")]
    [TestCase("[1,2]")]
    [TestCase("{\"id\": \"other-id\", \"name\": \"x\", \"nodes\": []}")]
    public async Task A_draft_that_is_not_a_definition_document_is_400(string body)
    {
        var client = await SharedApi.Factory.ClientForAsync("admin");

        var response = await client.PutAsync($"/api/workflow-definitions/{NewId()}/draft", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task The_palette_lists_every_activity_type_with_a_property_schema()
    {
        var client = await SharedApi.Factory.ClientForAsync("admin");

        var types = await JsonAsync(await client.GetAsync("/api/activity-types"));

        var names = types.EnumerateArray().Select(t => t.GetProperty("type").GetString()).ToList();
        Assert.That(names, Is.SupersetOf(new[] { "Start", "HumanTask", "Decision", "DecisionTable", "Route", "Escalate", "Timer", "Fork", "Join", "SetVariable", "Notify", "End" }));
        Assert.That(types.EnumerateArray().All(t => t.GetProperty("propertySchema").ValueKind == JsonValueKind.Object));
        Assert.That(types.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "HumanTask").GetProperty("title").GetString(), Is.EqualTo("人工任务"));
    }

    [Test]
    public async Task A_new_definition_is_created_as_a_draft_that_starts_and_ends_and_is_listed()
    {
        var client = await SharedApi.Factory.ClientForAsync("admin");
        var id = NewId();

        var created = await client.PostAsJsonAsync("/api/workflow-definitions", new { id, name = "十里乡事件流转", nameEn = "Shili township workflow" });

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        Assert.That(created.Headers.Location?.ToString(), Is.EqualTo($"/api/workflow-definitions/{id}/draft"));
        var listed = (await JsonAsync(await client.GetAsync("/api/workflow-definitions"))).EnumerateArray().Single(d => d.GetProperty("id").GetString() == id);
        Assert.That(listed.GetProperty("name").GetString(), Is.EqualTo("十里乡事件流转 Shili township workflow"));
        Assert.That(listed.GetProperty("hasDraft").GetBoolean(), Is.True);
        Assert.That(listed.GetProperty("latestVersion").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var draft = await JsonAsync(await client.GetAsync($"/api/workflow-definitions/{id}/draft"));
        Assert.That(draft.GetProperty("problems").GetArrayLength(), Is.Zero, draft.ToString());
        var publish = await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { changeNote = "新建" });
        Assert.That(publish.StatusCode, Is.EqualTo(HttpStatusCode.Created), await publish.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Creating_a_definition_with_an_id_in_use_is_a_409_naming_the_id_and_changes_nothing()
    {
        var client = await SharedApi.Factory.ClientForAsync("admin");
        var before = await client.GetStringAsync("/api/workflow-definitions/event-handling/versions");

        var taken = await client.PostAsJsonAsync("/api/workflow-definitions", new { id = "event-handling", name = "重名" });

        Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var problem = await JsonAsync(taken);
        Assert.That(problem.GetProperty("field").GetString(), Is.EqualTo("id"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("event-handling"));
        Assert.That(await client.GetStringAsync("/api/workflow-definitions/event-handling/versions"), Is.EqualTo(before));
    }

    [TestCase("""{ "name": "无编号" }""", "id")]
    [TestCase("""{ "id": "Bad_Id", "name": "大写" }""", "id")]
    [TestCase("""{ "id": "9flow", "name": "数字开头" }""", "id")]
    [TestCase("""{ "id": "good-id" }""", "name")]
    [TestCase("""{ "id": "good-id", "name": "名称", "nameEn": "英文" }""", "nameEn")]
    public async Task A_bad_new_definition_is_a_400_naming_the_field(string json, string field)
    {
        var client = await SharedApi.Factory.ClientForAsync("admin");

        var response = await client.PostAsync("/api/workflow-definitions", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await JsonAsync(response);
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
        Assert.That((await JsonAsync(await client.GetAsync("/api/workflow-definitions"))).EnumerateArray().Any(d => d.GetProperty("id").GetString() == "good-id"), Is.False);
    }

    [Test]
    public async Task Only_a_policy_administrator_creates_a_definition()
    {
        var dispatcher = await SharedApi.Factory.ClientForAsync("d140521");

        var response = await dispatcher.PostAsJsonAsync("/api/workflow-definitions", new { id = NewId(), name = "调度员新建" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
