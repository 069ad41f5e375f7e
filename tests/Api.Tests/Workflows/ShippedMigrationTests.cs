using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;

namespace GridCase.Api.Tests.Workflows;

/// <summary>
/// 迁移 to the shipped v2: a hundred cases running on v1 — at triage, handling, verification, parked, and in v1's
/// sequential joint handling, which v2 has no node for — are moved with a node map of the nodes both versions share.
/// The dry run lists the ninety that move and the ten that cannot (their active nodes have no mapping) and writes
/// nothing; applying moves exactly the ninety, leaves the ten untouched, and every journal still verifies.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
public sealed class ShippedMigrationTests(string provider)
{
    private const string Path = "/api/workflow-definitions/event-handling/migrations";

    /// <summary>v1's nodes that v2 has under the same id.</summary>
    private static readonly string[] Shared =
    [
        "report", "triage", "supervise_triage", "close_invalid", "routing", "route_grid", "route_village", "route_township", "route_county",
        "route_department", "handle", "escalate", "supervise_overdue", "return_to_dispatching", "redispatch", "reroute_county",
        "grant_extension", "extension_approval", "parked", "close_parked", "verify", "supervise_verify", "notify_reporter", "evaluate",
        "close_resolved",
    ];

    private GridCaseApiFactory? _factory;
    private EventDriver _driver = null!;
    private readonly Dictionary<Guid, string> _placed = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        // The factory holds new cases on v1 (GridCase:Workflows:StartVersion), as a county not yet moved to v2 would.
        _factory = await GridCaseApiFactory.OnAsync(provider, "gridcase_shipped_migration");
        _driver = new EventDriver(_factory);
        for (var i = 0; i < 10; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                _placed[(await _driver.ReportAsync()).EventId] = "triage";
            }

            for (var j = 0; j < 3; j++)
            {
                _placed[(await _driver.FileAsync(2, "Township")).EventId] = "handle";
            }

            var resolved = await _driver.CompleteAsync(await _driver.FileAsync(2, "Township"), "handle", "resolved", new { resolution = "已清理" });
            _placed[resolved.EventId] = "verify";
            var parked = await _driver.CompleteAsync(await _driver.FileAsync(2, "Township"), "handle", "parked", new { explanation = "需上级统筹资金" });
            _placed[parked.EventId] = "parked";
            _placed[(await _driver.FileAsync(2, "CrossDepartment")).EventId] = "cross";
        }

        Assert.That(_placed, Has.Count.EqualTo(100));
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
    public async Task A_hundred_v1_cases_move_to_v2_after_a_dry_run_and_the_unmappable_ones_are_listed_and_left_alone()
    {
        var before = await LengthsAsync();

        var dry = await EventDriver.JsonAsync(await _driver.PostJsonAsync("admin", Path, Body(dryRun: true)), HttpStatusCode.OK);
        Assert.That(await LengthsAsync(), Is.EqualTo(before), "a dry run writes nothing");
        var movable = _placed.Where(p => p.Value != "cross").Select(p => p.Key).ToHashSet();
        var stuck = _placed.Where(p => p.Value == "cross").Select(p => p.Key).ToHashSet();
        Assert.That(Ids(dry, "moved"), Is.EquivalentTo(movable));
        Assert.That(Ids(dry, "blocked"), Is.EquivalentTo(stuck));
        foreach (var blocked in dry.GetProperty("blocked").EnumerateArray())
        {
            Assert.That(blocked.GetProperty("code").GetString(), Is.EqualTo("unmapped-node"), blocked.ToString());
            Assert.That(blocked.GetProperty("reason").GetString(), Does.Contain("cross_"), blocked.ToString());
        }

        var applied = await EventDriver.JsonAsync(await _driver.PostJsonAsync("admin", Path, Body(dryRun: false), "migrate-v1-v2"), HttpStatusCode.OK);

        Assert.That(Ids(applied, "moved"), Is.EquivalentTo(movable));
        var after = await LengthsAsync();
        foreach (var (id, node) in _placed)
        {
            var file = await _driver.CaseAsync(id);
            var version = file.GetProperty("workflow").GetProperty("version").GetInt32();
            if (node == "cross")
            {
                Assert.That((version, after[id]), Is.EqualTo((1, before[id])), "an unmappable case is untouched");
                await _driver.VerifyAsync(id);
                continue;
            }

            Assert.That(version, Is.EqualTo(2));
            var journal = await _driver.VerifyAsync(id);
            var migrated = journal.Single(e => e.GetProperty("kind").GetString() == "Migrated");
            Assert.That(migrated.GetProperty("actor").GetProperty("userId").GetString(), Is.EqualTo("admin"));
            Assert.That(migrated.GetProperty("data").GetProperty("nodeMap").GetProperty(node).GetString(), Is.EqualTo(node));
        }

        // Moved cases go on under v2's rules: 监管分离 counts who handled the case on v1 too.
        var atVerify = _placed.First(p => p.Value == "verify").Key;
        var handler = await _driver.PostCompleteAsync(await _driver.NowAsync(atVerify), "verify", "confirmed");
        Assert.That((await EventDriver.ProblemAsync(handler, HttpStatusCode.Conflict)).GetProperty("type").GetString(), Does.EndWith("separation-of-duties"));
        var township = await _driver.ClientAsync("h140521100");
        var confirmed = new EventStep(await EventDriver.JsonAsync(
            await township.PostAsJsonAsync($"/api/tasks/{(await _driver.NowAsync(atVerify)).TaskId("verify")}/complete", new { outcome = "confirmed" }),
            HttpStatusCode.OK));
        Assert.That(confirmed.Status, Is.EqualTo("Closed"));
        var atTriage = _placed.First(p => p.Value == "triage").Key;
        var filed = await _driver.CompleteAsync(await _driver.NowAsync(atTriage), "triage", "filed", new { difficulty = 2, scope = "Township" });
        var resolved = new EventStep(await EventDriver.JsonAsync(
            await township.PostAsJsonAsync($"/api/tasks/{filed.TaskId("handle")}/complete", new { outcome = "resolved", data = new { resolution = "已处置" } }),
            HttpStatusCode.OK));
        var check = await _driver.PostCompleteAsync(resolved, "verify", "check");
        Assert.That(check.StatusCode, Is.EqualTo(HttpStatusCode.OK), "v2's on-site check is offered to a migrated case");
        await _driver.VerifyAsync(atVerify);
        await _driver.VerifyAsync(atTriage);
    }

    private async Task<Dictionary<Guid, int>> LengthsAsync()
    {
        var lengths = new Dictionary<Guid, int>();
        foreach (var id in _placed.Keys)
        {
            lengths[id] = (await _driver.JournalAsync(id)).Count;
        }

        return lengths;
    }

    private static IReadOnlyList<Guid> Ids(JsonElement response, string list) =>
        response.GetProperty(list).EnumerateArray().Select(c => c.GetProperty("caseId").GetGuid()).ToList();

    private static string Body(bool dryRun) => JsonSerializer.Serialize(new
    {
        fromVersion = 1,
        toVersion = 2,
        nodeMap = Shared.ToDictionary(n => n, n => n),
        dryRun,
        limit = 200,
    });
}
