using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;

namespace GridCase.Api.Tests.Workflows;

/// <summary>
/// 迁移 through the API: twenty event-handling cases started on v1 at triage, handling, parked and verification; a
/// version of v1 published by the test (v3, after the shipped v2) that renames verify to verify_result; a node map
/// that leaves parked unmapped. The move to the shipped v2 is <see cref="ShippedMigrationTests"/>. Its own API per fixture, so
/// the v2 it publishes reaches no other test.
/// </summary>
public abstract class MigrationApiContract
{
    private const string Path = "/api/workflow-definitions/event-handling/migrations";

    /// <summary>The version the test publishes: the next after the shipped ones.</summary>
    private const int Target = 3;

    private static readonly Dictionary<string, string> NodeMap = new()
    {
        ["triage"] = "triage",
        ["handle"] = "handle",
        ["verify"] = "verify_result",
        ["evaluate"] = "evaluate",
        ["extension_approval"] = "extension_approval",
        ["redispatch"] = "redispatch",
    };

    private GridCaseApiFactory? _factory;
    private EventDriver _driver = null!;
    private readonly Dictionary<Guid, string> _placed = [];

    protected abstract Task<GridCaseApiFactory> CreateFactoryAsync();

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = await CreateFactoryAsync();
        _driver = new EventDriver(_factory);
        for (var i = 0; i < 6; i++)
        {
            _placed[(await _driver.ReportAsync()).EventId] = "triage";
            _placed[(await _driver.FileAsync(2, "Township")).EventId] = "handle";
        }

        for (var i = 0; i < 4; i++)
        {
            var parked = await _driver.CompleteAsync(await _driver.FileAsync(2, "Township"), "handle", "parked", new { explanation = "涉及历史遗留问题，暂无法解决" });
            _placed[parked.EventId] = "parked";
            var resolved = await _driver.CompleteAsync(await _driver.FileAsync(2, "Township"), "handle", "resolved", new { resolution = "已清理" });
            _placed[resolved.EventId] = "verify";
        }

        Assert.That(await PublishV2Async(), Is.EqualTo(Target));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    [Test, Order(0)]
    public async Task The_version_list_counts_the_cases_still_running_on_each_version()
    {
        var versions = await EventDriver.JsonAsync(
            await (await _driver.ClientAsync("admin")).GetAsync("/api/workflow-definitions/event-handling/versions"), HttpStatusCode.OK);

        var running = versions.EnumerateArray().ToDictionary(v => v.GetProperty("version").GetInt32(), v => v.GetProperty("runningCases").GetInt32());
        Assert.That(running, Is.EqualTo(new Dictionary<int, int> { [1] = _placed.Count, [2] = 0, [Target] = 0 }));
    }

    [Test, Order(1)]
    public async Task Others_than_policy_administrators_are_forbidden_and_unknown_versions_are_not_found()
    {
        var body = Body(dryRun: true);

        var dispatcher = await _driver.PostJsonAsync("d140521", Path, body);
        var unknownDefinition = await _driver.PostJsonAsync("admin", "/api/workflow-definitions/no-such-flow/migrations", body);
        var unknownVersion = await _driver.PostJsonAsync("admin", Path, Body(dryRun: true, toVersion: 9));

        Assert.That(dispatcher.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(unknownDefinition.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknownVersion.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("""{ "fromVersion": 1, "toVersion": 2, "limit": 10 }""", "nodeMap")]
    [TestCase("""{ "fromVersion": 1, "nodeMap": {} }""", "toVersion")]
    [TestCase("""{ "fromVersion": 1, "toVersion": 1, "nodeMap": {} }""", "toVersion")]
    [TestCase("""{ "fromVersion": 1, "toVersion": 2, "nodeMap": {}, "limit": 0 }""", "limit")]
    [TestCase("""{ "fromVersion": 1, "toVersion": 2, "nodeMap": {}, "limit": 501 }""", "limit")]
    [TestCase("""{ "fromVersion": 1, "toVersion": 2, "nodeMap": { "handle": "" } }""", "nodeMap")]
    [TestCase("""{ "fromVersion": 1, "toVersion": 2, "nodeMap": {}, "after": "page-2" }""", "after")]
    [Order(1)]
    public async Task A_bad_request_is_a_400_naming_the_field(string json, string field)
    {
        var problem = await EventDriver.ProblemAsync(await _driver.PostJsonAsync("admin", Path, json), HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test, Order(2)]
    public async Task A_dry_run_lists_the_movable_and_the_blocked_cases_and_writes_nothing()
    {
        var before = await JournalLengthsAsync();

        var dry = await EventDriver.JsonAsync(await _driver.PostJsonAsync("admin", Path, Body(dryRun: true)), HttpStatusCode.OK);

        Assert.That(dry.GetProperty("dryRun").GetBoolean(), Is.True);
        Assert.That(dry.GetProperty("next").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(Ids(dry, "moved"), Is.EquivalentTo(_placed.Where(p => p.Value != "parked").Select(p => p.Key)));
        Assert.That(Ids(dry, "blocked"), Is.EquivalentTo(_placed.Where(p => p.Value == "parked").Select(p => p.Key)));
        foreach (var blocked in dry.GetProperty("blocked").EnumerateArray())
        {
            Assert.That(blocked.GetProperty("code").GetString(), Is.EqualTo("unmapped-node"));
            Assert.That(blocked.GetProperty("reason").GetString(), Does.Contain("parked"));
            Assert.That(blocked.GetProperty("activeNodes").EnumerateArray().Select(n => n.GetString()), Is.EqualTo(new[] { "parked" }));
            Assert.That(blocked.GetProperty("number").GetString(), Does.StartWith("QS-"));
        }

        foreach (var moved in dry.GetProperty("moved").EnumerateArray())
        {
            var id = moved.GetProperty("caseId").GetGuid();
            Assert.That(moved.GetProperty("activeNodes").EnumerateArray().Select(n => n.GetString()), Does.Contain(_placed[id]));
        }

        Assert.That(await JournalLengthsAsync(), Is.EqualTo(before));
    }

    [Test, Order(2)]
    public async Task Pages_follow_the_cursor_and_cover_every_running_case_once()
    {
        var seen = new List<Guid>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await EventDriver.JsonAsync(await _driver.PostJsonAsync("admin", Path, Body(dryRun: true, limit: 7, after: after)), HttpStatusCode.OK);
            seen.AddRange(Ids(page, "moved").Concat(Ids(page, "blocked")));
            after = page.GetProperty("next").GetString();
            pages++;
        }
        while (after is not null);

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(seen, Is.EquivalentTo(_placed.Keys));
    }

    [Test, Order(3)]
    public async Task Applying_moves_exactly_the_movable_cases_which_verify_and_finish_on_v2()
    {
        var before = await JournalLengthsAsync();

        var applied = await _driver.PostJsonAsync("admin", Path, Body(dryRun: false), idempotencyKey: "migrate-event-handling-1-3");
        var body = await EventDriver.JsonAsync(applied, HttpStatusCode.OK);
        var replayed = await _driver.PostJsonAsync("admin", Path, Body(dryRun: false), idempotencyKey: "migrate-event-handling-1-3");

        Assert.That(body.GetProperty("dryRun").GetBoolean(), Is.False);
        var moved = Ids(body, "moved");
        Assert.That(moved, Is.EquivalentTo(_placed.Where(p => p.Value != "parked").Select(p => p.Key)));
        Assert.That(Ids(body, "blocked"), Is.EquivalentTo(_placed.Where(p => p.Value == "parked").Select(p => p.Key)));
        Assert.That(replayed.Headers.TryGetValues("Idempotent-Replayed", out _), Is.True);
        Assert.That(await replayed.Content.ReadAsStringAsync(), Is.EqualTo(await applied.Content.ReadAsStringAsync()));

        var after = await JournalLengthsAsync();
        foreach (var (id, node) in _placed)
        {
            var journal = await _driver.VerifyAsync(id);
            var migrated = journal.Where(e => e.GetProperty("kind").GetString() == "Migrated").ToList();
            if (node == "parked")
            {
                Assert.That(migrated, Is.Empty);
                Assert.That(after[id], Is.EqualTo(before[id]));
                continue;
            }

            Assert.That(migrated, Has.Count.EqualTo(1));
            Assert.That(after[id], Is.EqualTo(before[id] + 1));
            Assert.That(migrated[0].GetProperty("actor").GetProperty("userId").GetString(), Is.EqualTo("admin"));
            Assert.That(migrated[0].GetProperty("data").GetProperty("toVersion").GetInt32(), Is.EqualTo(Target));
            var replay = await _driver.ReplayAsync(id);
            Assert.That(replay.GetProperty("activeNodeIds").EnumerateArray().Select(n => n.GetString()), Does.Contain(node == "verify" ? "verify_result" : node));
            Assert.That(replay.GetProperty("workflow").GetProperty("version").GetInt32(), Is.EqualTo(Target));
        }

        var atVerify = _placed.First(p => p.Value == "verify").Key;
        var confirmed = await _driver.CompleteAsync(new EventStep(await _driver.CaseAsync(atVerify)), "verify_result", "confirmed");
        var evaluated = await _driver.CompleteAsync(confirmed, "evaluate", "evaluated", new { satisfaction = 5 });
        Assert.That(evaluated.OpenTasks, Is.Empty);
        var closed = await _driver.VerifyAsync(atVerify);
        Assert.That(closed[^1].GetProperty("kind").GetString(), Is.EqualTo("Completed"));
        Assert.That(closed.SkipWhile(e => e.GetProperty("kind").GetString() != "Migrated").Skip(1)
            .Select(e => e.GetProperty("definition").GetProperty("version").GetInt32()), Is.Not.Empty.And.All.EqualTo(Target));

        var atTriage = _placed.First(p => p.Value == "triage").Key;
        var filed = await _driver.CompleteAsync(new EventStep(await _driver.CaseAsync(atTriage)), "triage", "filed", new { difficulty = 2, scope = "Township" });
        var resolved = await _driver.CompleteAsync(filed, "handle", "resolved", new { resolution = "已处置" });
        var checkedOk = await _driver.CompleteAsync(resolved, "verify_result", "confirmed");
        Assert.That(checkedOk.Status, Is.EqualTo("Closed"));
        await _driver.VerifyAsync(atTriage);
    }

    private static IReadOnlyList<Guid> Ids(JsonElement response, string list) =>
        response.GetProperty(list).EnumerateArray().Select(c => c.GetProperty("caseId").GetGuid()).ToList();

    private static string Body(bool dryRun, int toVersion = Target, int limit = 200, string? after = null) => JsonSerializer.Serialize(new
    {
        fromVersion = 1,
        toVersion,
        nodeMap = NodeMap,
        dryRun,
        after,
        limit,
    });

    private async Task<Dictionary<Guid, int>> JournalLengthsAsync()
    {
        var lengths = new Dictionary<Guid, int>();
        foreach (var id in _placed.Keys)
        {
            lengths[id] = (await _driver.JournalAsync(id)).Count;
        }

        return lengths;
    }

    /// <summary>v1 with verify renamed verify_result (and its connections), published by the policy administrator.</summary>
    private async Task<int> PublishV2Async()
    {
        var admin = await _driver.ClientAsync("admin");
        var text = await admin.GetStringAsync("/api/workflow-definitions/event-handling/versions/1");
        var document = JsonNode.Parse(text)!.AsObject();
        foreach (var node in document["nodes"]!.AsArray())
        {
            if ((string?)node!["id"] == "verify")
            {
                node["id"] = "verify_result";
                node["title"] = "核查结案（迁移测试）";
            }
        }

        foreach (var connection in document["connections"]!.AsArray())
        {
            foreach (var end in new[] { "from", "to" })
            {
                if ((string?)connection![end] == "verify")
                {
                    connection[end] = "verify_result";
                }
            }
        }

        document["changeNote"] = "核查环节更名";
        var saved = await admin.PutAsync("/api/workflow-definitions/event-handling/draft", new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));
        var savedBody = await EventDriver.JsonAsync(saved, HttpStatusCode.OK);
        Assert.That(savedBody.GetProperty("problems").GetArrayLength(), Is.Zero, savedBody.ToString());
        var publish = await admin.PostAsJsonAsync("/api/workflow-definitions/event-handling/publish", new { changeNote = "核查环节更名" });
        return (await EventDriver.JsonAsync(publish, HttpStatusCode.Created)).GetProperty("version").GetInt32();
    }
}

public sealed class SqliteMigrationApiTests : MigrationApiContract
{
    protected override Task<GridCaseApiFactory> CreateFactoryAsync() => Task.FromResult(new GridCaseApiFactory());
}

public sealed class PostgresMigrationApiTests : MigrationApiContract
{
    protected override Task<GridCaseApiFactory> CreateFactoryAsync() => GridCaseApiFactory.OnPostgresAsync("gridcase_migration");
}
