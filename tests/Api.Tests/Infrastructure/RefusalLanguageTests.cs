using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;

namespace GridCase.Api.Tests.Infrastructure;

/// <summary>
/// Every refusal a person can meet answers in one language: asked in English (<c>Accept-Language: en</c>) it holds no
/// Chinese, asked in Chinese (<c>zh-CN</c>) every message holds Chinese, and neither names a .NET type. The fixture
/// has its own API because it publishes a version (v3) with a grid task, the target of the refused migration.
/// </summary>
public sealed partial class RefusalLanguageTests
{
    private const string Definitions = "/api/workflow-definitions/event-handling";

    private GridCaseApiFactory _factory = null!;
    private EventDriver _driver = null!;
    private EventStep _reported = null!;
    private EventStep _filed = null!;
    private string _reportJson = null!;
    private readonly Dictionary<(string User, string Language), HttpClient> _clients = [];

    /// <summary>A refused request: who sends it, how, and the status it gets.</summary>
    public sealed record Refusal(string Name, string User, HttpMethod Method, Func<RefusalLanguageTests, string> Path, Func<RefusalLanguageTests, string?> Body, HttpStatusCode Status)
    {
        public override string ToString() => Name;
    }

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new GridCaseApiFactory();
        _driver = new EventDriver(_factory);
        _reportJson = await _driver.ReportJsonAsync();
        _reported = await _driver.ReportAsync();
        _filed = await _driver.FileAsync(2, "Township");
        await PublishGridCheckVersionAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await _factory.DisposeAsync();
    }

    private static readonly Refusal[] Refusals =
    [
        new("a report without a title", EventDriver.GridMember, HttpMethod.Post, _ => "/api/events",
            t => Report(t, body => body["title"] = ""), HttpStatusCode.BadRequest),
        new("a report whose title is a number", EventDriver.GridMember, HttpMethod.Post, _ => "/api/events",
            t => Report(t, body => body["title"] = 42), HttpStatusCode.BadRequest),
        new("a report whose occurredAt is not a date", EventDriver.GridMember, HttpMethod.Post, _ => "/api/events",
            t => Report(t, body => body["occurredAt"] = "yesterday"), HttpStatusCode.BadRequest),
        new("a report that sets its status", EventDriver.GridMember, HttpMethod.Post, _ => "/api/events",
            t => Report(t, body => body["status"] = "Closed"), HttpStatusCode.BadRequest),
        new("a report that is not JSON", EventDriver.GridMember, HttpMethod.Post, _ => "/api/events", _ => "not json", HttpStatusCode.BadRequest),
        new("a report with a title too long", EventDriver.GridMember, HttpMethod.Post, _ => "/api/events",
            t => Report(t, body => body["title"] = new string('长', 500)), HttpStatusCode.BadRequest),
        new("a triage with an outcome it does not have", "d" + EventDriver.Township, HttpMethod.Post, t => Complete(t._reported, "triage"),
            _ => """{ "outcome": "FILED", "data": {} }""", HttpStatusCode.BadRequest),
        new("a triage filed without difficulty", "d" + EventDriver.Township, HttpMethod.Post, t => Complete(t._reported, "triage"),
            _ => """{ "outcome": "filed", "data": { "scope": "Township" } }""", HttpStatusCode.BadRequest),
        new("a triage whose difficulty is a word", "d" + EventDriver.Township, HttpMethod.Post, t => Complete(t._reported, "triage"),
            _ => """{ "outcome": "filed", "data": { "difficulty": "hard", "scope": "Township" } }""", HttpStatusCode.BadRequest),
        new("a triage whose difficulty is out of range", "d" + EventDriver.Township, HttpMethod.Post, t => Complete(t._reported, "triage"),
            _ => """{ "outcome": "filed", "data": { "difficulty": 9, "scope": "Township" } }""", HttpStatusCode.BadRequest),
        new("an unknown case", "auditor", HttpMethod.Get, _ => $"/api/events/{Guid.NewGuid()}", _ => null, HttpStatusCode.NotFound),
        new("a replay at a step that is not a number", "auditor", HttpMethod.Get, t => $"/api/events/{t._filed.EventId}/replay?at=last", _ => null, HttpStatusCode.BadRequest),
        new("a queue that is not a unit code", "d" + EventDriver.Township, HttpMethod.Get, _ => "/api/tasks?queue=nowhere", _ => null, HttpStatusCode.BadRequest),
        new("a reassignment of a township case to a grid", "d" + EventDriver.Township, HttpMethod.Post, t => $"/api/events/{t._filed.EventId}/reassign",
            _ => $$"""{ "unitCode": "{{EventDriver.Grid}}", "reason": "网格就近处置" }""", HttpStatusCode.Conflict),
        new("a migration with its versions missing", "admin", HttpMethod.Post, _ => $"{Definitions}/migrations", _ => """{ "nodeMap": {} }""", HttpStatusCode.BadRequest),
        new("a migration that would push a township case down to a grid", "admin", HttpMethod.Post, _ => $"{Definitions}/migrations",
            _ => MigrationToGridCheck, HttpStatusCode.OK),
        new("a draft check of a definition with an unreachable node", "admin", HttpMethod.Post, _ => $"{Definitions}/draft/validate",
            _ => """{ "id": "event-handling", "version": 0, "name": "孤立节点", "nodes": [ { "id": "start", "type": "Start" }, { "id": "end", "type": "End" }, { "id": "lost", "type": "End" } ], "connections": [ { "from": "start", "outcome": "done", "to": "end" } ] }""",
            HttpStatusCode.OK),
        new("a publish with nothing to publish", "admin", HttpMethod.Post, _ => $"{Definitions}/publish", _ => """{ "changeNote": "再发布一次" }""", HttpStatusCode.Conflict),
    ];

    [TestCaseSource(nameof(Refusals))]
    public async Task An_english_caller_reads_no_chinese_and_a_chinese_caller_reads_chinese(Refusal refusal)
    {
        var english = await MessagesAsync(refusal, "en");
        var chinese = await MessagesAsync(refusal, "zh-CN");

        Assert.That(english, Is.Not.Empty);
        Assert.That(english.Where(m => Cjk().IsMatch(m)), Is.Empty, "English answers hold no Chinese");
        Assert.That(chinese.Where(m => !Cjk().IsMatch(m)), Is.Empty, "every Chinese message holds Chinese");
        Assert.That(english.Concat(chinese).Where(m => DotNetType().IsMatch(m)), Is.Empty, "no .NET type names");
    }

    [Test]
    public async Task A_value_of_the_wrong_type_names_the_field_and_the_form_it_must_have()
    {
        using var response = await SendAsync(Refusals.Single(r => r.Name == "a report whose title is a number"), "en");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(problem.GetProperty("errors").GetProperty("title")[0].GetString(), Is.EqualTo("'title' must be text."));
    }

    [Test]
    public async Task The_refused_migration_says_why_in_the_callers_language()
    {
        var refusal = Refusals.Single(r => r.Name.StartsWith("a migration that would push", StringComparison.Ordinal));
        using var response = await SendAsync(refusal, "zh-CN");
        var blocked = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("blocked");

        Assert.That(blocked.EnumerateArray().Select(b => b.GetProperty("code").GetString()), Has.Some.EqualTo("no-push-down"));
        Assert.That(blocked.EnumerateArray().Select(b => b.GetProperty("reason").GetString()), Has.All.StartWith("不得将应由乡镇（街道）或部门处置的事件流转返回到网格").And.All.Not.Contain(" / "));
    }

    /// <summary>The texts a person reads in the answer: title, detail, field errors, definition problems, blocked reasons.</summary>
    private async Task<IReadOnlyList<string>> MessagesAsync(Refusal refusal, string language)
    {
        using var response = await SendAsync(refusal, language);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(refusal.Status), text);
        var root = JsonDocument.Parse(text).RootElement;
        var messages = new List<string?>();
        if (root.TryGetProperty("title", out var title))
        {
            messages.Add(title.GetString());
            messages.Add(root.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
        }

        if (root.TryGetProperty("errors", out var errors))
        {
            messages.AddRange(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()));
        }

        if (root.TryGetProperty("problems", out var problems))
        {
            messages.AddRange(problems.EnumerateArray().Select(p => p.GetProperty("message").GetString()));
        }

        if (root.TryGetProperty("blocked", out var blocked))
        {
            messages.AddRange(blocked.EnumerateArray().Select(b => b.GetProperty("reason").GetString()));
        }

        return messages.OfType<string>().ToList();
    }

    private async Task<HttpResponseMessage> SendAsync(Refusal refusal, string language)
    {
        if (!_clients.TryGetValue((refusal.User, language), out var client))
        {
            client = await _factory.ClientForAsync(refusal.User);
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            _clients[(refusal.User, language)] = client;
        }

        using var request = new HttpRequestMessage(refusal.Method, refusal.Path(this));
        if (refusal.Body(this) is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private static string Report(RefusalLanguageTests test, Action<JsonObject> change)
    {
        var body = JsonNode.Parse(test._reportJson)!.AsObject();
        change(body);
        return body.ToJsonString();
    }

    private static string Complete(EventStep step, string nodeId) => $"/api/tasks/{step.TaskId(nodeId)}/complete";

    /// <summary>v1's cases at handle (a township case, floor Township) mapped onto v3's grid task.</summary>
    private static string MigrationToGridCheck => JsonSerializer.Serialize(new
    {
        fromVersion = 1,
        toVersion = 3,
        dryRun = true,
        nodeMap = new Dictionary<string, string>
        {
            ["triage"] = "triage", ["handle"] = "grid_check", ["verify"] = "verify", ["evaluate"] = "evaluate",
            ["extension_approval"] = "extension_approval", ["redispatch"] = "redispatch", ["parked"] = "parked",
        },
    });

    /// <summary>v3 = v1 with a grid task (a grid member checks an invalid report on the spot) before closing it as invalid.</summary>
    private async Task PublishGridCheckVersionAsync()
    {
        var admin = await _driver.ClientAsync("admin");
        var document = JsonNode.Parse(await admin.GetStringAsync($"{Definitions}/versions/1"))!.AsObject();
        document["nodes"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "grid_check", "type": "HumanTask", "title": "网格员核实", "props": { "queue": { "level": "Grid" }, "form": "handling", "outcomes": ["done"] } }
            """));
        var invalid = document["connections"]!.AsArray().Single(c => (string?)c!["from"] == "triage" && (string?)c["outcome"] == "invalid")!;
        invalid["to"] = "grid_check";
        document["connections"]!.AsArray().Add(JsonNode.Parse("""{ "from": "grid_check", "outcome": "done", "to": "close_invalid" }"""));
        var saved = await EventDriver.JsonAsync(
            await admin.PutAsync($"{Definitions}/draft", new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        Assert.That(saved.GetProperty("problems").GetArrayLength(), Is.Zero, saved.ToString());
        var published = await EventDriver.JsonAsync(await admin.PostAsJsonAsync($"{Definitions}/publish", new { changeNote = "无效上报先由网格员核实" }), HttpStatusCode.Created);
        Assert.That(published.GetProperty("version").GetInt32(), Is.EqualTo(3));
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\bSystem\.[A-Z]|\bGridCase\.[A-Z]|Nullable`|\b(Int32|Int64|Boolean|DateTimeOffset)\b")]
    private static partial Regex DotNetType();
}
