using GridCase.Domain;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Runtime;
using static GridCase.Workflows.Tests.Runtime.EngineHarness;

namespace GridCase.Workflows.Tests.Runtime;

/// <summary>迁移: a running instance moves to another version; re-execution follows it there.</summary>
public sealed class MigrationTests
{
    private static readonly Actor Admin = Actor.ForUser("p140521", Role.PolicyAdmin, County);

    //  v1: start ─▶ triage ─▶ handle (10 min deadline) ─▶ end
    private const string V1 = """
        {
          "id": "migrating", "version": 1, "name": "迁移", "changeNote": "fixture", "variables": {},
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "triage", "type": "HumanTask", "props": { "queue": { "level": "Township" }, "form": "triage", "outcomes": ["filed"] } },
            { "id": "handle", "type": "HumanTask", "props": { "queue": { "level": "Township" }, "form": "handle", "outcomes": ["done"], "deadline": { "duration": "PT10M", "warnAt": 0.5 } } },
            { "id": "end", "type": "End", "props": { "closureCode": "resolved" } }
          ],
          "connections": [
            { "from": "start", "outcome": "done", "to": "triage" },
            { "from": "triage", "outcome": "filed", "to": "handle" },
            { "from": "handle", "outcome": "done", "to": "end" }
          ]
        }
        """;

    //  v2: start ─▶ triage ─▶ dispose (renamed, same deadline) ─▶ review (new) ─▶ end; grid_task for the push-down check
    private const string V2 = """
        {
          "id": "migrating", "version": 2, "name": "迁移", "changeNote": "fixture", "variables": {},
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "triage", "type": "HumanTask", "props": { "queue": { "level": "Township" }, "form": "triage", "outcomes": ["filed", "small"] } },
            { "id": "dispose", "type": "HumanTask", "props": { "queue": { "level": "Township" }, "form": "handle", "outcomes": ["done"], "deadline": { "duration": "PT10M", "warnAt": 0.5 } } },
            { "id": "review", "type": "HumanTask", "props": { "queue": { "level": "County" }, "form": "review", "outcomes": ["passed"] } },
            { "id": "grid_task", "type": "HumanTask", "props": { "queue": { "level": "Grid" }, "form": "handle", "outcomes": ["done"] } },
            { "id": "end", "type": "End", "props": { "closureCode": "resolved" } }
          ],
          "connections": [
            { "from": "start", "outcome": "done", "to": "triage" },
            { "from": "triage", "outcome": "filed", "to": "dispose" },
            { "from": "triage", "outcome": "small", "to": "grid_task" },
            { "from": "dispose", "outcome": "done", "to": "review" },
            { "from": "review", "outcome": "passed", "to": "end" },
            { "from": "grid_task", "outcome": "done", "to": "end" }
          ]
        }
        """;

    private static Dictionary<string, string> Map(params (string From, string To)[] pairs) => pairs.ToDictionary(p => p.From, p => p.To);

    private static async Task<(EngineHarness Engine, Guid Id)> AtHandleOnV1Async()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(V1);
        var id = await engine.StartAsync("migrating");
        var triage = await engine.OpenTaskAtAsync(id, "triage");
        await engine.Runtime.SendAsync(id, new ClaimTaskStimulus(triage.TaskId, TownshipDispatcher, engine.Now));
        await engine.CompleteAsync(id, "triage", "filed", TownshipDispatcher);
        await engine.PublishAsync(V2);
        return (engine, id);
    }

    [Test]
    public async Task A_migrated_task_offers_the_outcomes_and_form_of_its_new_node()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(V1);
        var id = await engine.StartAsync("migrating");
        await engine.PublishAsync(V2);

        await engine.Runtime.SendAsync(id, new MigrateStimulus(2, Map(("triage", "triage")), Admin, engine.Now));

        var moved = await engine.OpenTaskAtAsync(id, "triage");
        Assert.That((moved.Form, moved.Outcomes), Is.EqualTo(("triage", new[] { "filed", "small" })));
        Assert.That((await engine.StateAsync(id)).Tasks.Single().Outcomes, Is.EqualTo(new[] { "filed", "small" }));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task A_case_migrated_between_steps_finishes_on_the_new_version_and_verifies()
    {
        var (engine, id) = await AtHandleOnV1Async();
        var before = await engine.OpenTaskAtAsync(id, "handle");

        var migrated = await engine.Runtime.SendAsync(id, new MigrateStimulus(2, Map(("triage", "triage"), ("handle", "dispose"), ("end", "end")), Admin, engine.Now));

        Assert.That(migrated.Refusal, Is.Null);
        Assert.That(migrated.Entries.Select(e => e.Kind), Is.EqualTo(new[] { JournalKinds.Migrated }));
        Assert.That(migrated.Entries[0].DataJson, Is.EqualTo("""{"fromVersion":1,"nodeMap":{"handle":"dispose"},"toVersion":2}"""));
        Assert.That(migrated.Entries[0].Actor.UserId, Is.EqualTo(Admin.UserId));
        Assert.That(migrated.Entries[0].DefinitionVersion, Is.EqualTo(1));
        var state = await engine.StateAsync(id);
        Assert.That(state.Version, Is.EqualTo(2));
        Assert.That(state.Timers.Select(t => t.NodeId), Is.All.EqualTo("dispose"));
        var moved = await engine.OpenTaskAtAsync(id, "dispose");
        Assert.That((moved.TaskId, moved.Queue, moved.DueAt), Is.EqualTo((before.TaskId, before.Queue, before.DueAt)));

        engine.Advance(TimeSpan.FromMinutes(6));
        Assert.That(await engine.FireDueTimersAsync(), Is.EqualTo(1));
        await engine.CompleteAsync(id, "dispose", "done", TownshipDispatcher);
        await engine.CompleteAsync(id, "review", "passed", CountyDispatcher);

        var journal = await engine.JournalAsync(id);
        Assert.That((await engine.StateAsync(id)).Status, Is.EqualTo(WorkflowStatus.Completed));
        Assert.That(journal.SkipWhile(e => e.Kind != JournalKinds.Migrated).Skip(1).Select(e => e.DefinitionVersion), Is.All.EqualTo(2));
        Assert.That(journal.Any(e => e.Kind == JournalKinds.DeadlineWarning && e.NodeId == "dispose"));
        var migratedAt = journal.Single(e => e.Kind == JournalKinds.Migrated).Seq;
        Assert.That(JournalReplay.StateAt(journal, migratedAt - 1).Version, Is.EqualTo(1));
        Assert.That(JournalReplay.StateAt(journal, migratedAt).Version, Is.EqualTo(2));
        Assert.That(JournalReplay.StateAt(journal, migratedAt).ActiveNodeIds, Is.EqualTo(new[] { "dispose" }));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task A_forged_migration_entry_is_caught_by_re_execution()
    {
        var (engine, id) = await AtHandleOnV1Async();
        await engine.Runtime.SendAsync(id, new MigrateStimulus(2, Map(("handle", "dispose")), Admin, engine.Now));
        await engine.CompleteAsync(id, "dispose", "done", TownshipDispatcher);
        var journal = await engine.JournalAsync(id);
        var target = journal.Single(e => e.Kind == JournalKinds.Migrated);

        var forged = new List<JournalEntry>();
        var prev = JournalChain.GenesisHash;
        foreach (var entry in journal)
        {
            var changed = entry == target ? entry with { DataJson = entry.DataJson.Replace("\"dispose\"", "\"review\"", StringComparison.Ordinal) } : entry;
            var sealedEntry = JournalChain.Seal(changed, prev);
            forged.Add(sealedEntry);
            prev = sealedEntry.Hash;
        }

        engine.Store.OverwriteJournal(id, forged);
        var verify = await engine.VerifyAsync(id);
        engine.Store.OverwriteJournal(id, journal.Select(e => e == target ? e with { DataJson = e.DataJson.Replace("\"dispose\"", "\"review\"", StringComparison.Ordinal) } : e));
        var edited = await engine.VerifyAsync(id);

        Assert.That((verify.ChainValid, verify.ReplayMatches, verify.FirstBadSeq), Is.EqualTo((true, false, target.Seq + 1)));
        Assert.That((edited.ChainValid, edited.FirstBadSeq), Is.EqualTo((false, target.Seq)));
    }

    [TestCase("", "unmapped-node")]
    [TestCase("handle:nowhere", "unknown-node")]
    [TestCase("handle:end", "not-a-task")]
    public async Task A_migration_the_instance_cannot_take_is_refused_and_changes_nothing(string pairs, string code)
    {
        var (engine, id) = await AtHandleOnV1Async();
        var before = (await engine.JournalAsync(id)).Count;
        var map = pairs.Length == 0 ? Map() : Map((pairs.Split(':')[0], pairs.Split(':')[1]));

        var refused = await engine.Runtime.SendAsync(id, new MigrateStimulus(2, map, Admin, engine.Now));

        Assert.That((refused.Refusal?.Kind, refused.Refusal?.Code), Is.EqualTo((RefusalKind.Conflict, code)));
        Assert.That(refused.Refusal!.Errors!["nodeMap"], Is.Not.Empty);
        Assert.That(await engine.JournalAsync(id), Has.Count.EqualTo(before));
        Assert.That((await engine.StateAsync(id)).Version, Is.EqualTo(1));
    }

    [Test]
    public async Task A_migration_onto_a_grid_task_below_the_floor_is_refused()
    {
        var (engine, id) = await AtHandleOnV1Async();
        await engine.Runtime.SendAsync(id, new ReassignStimulus(Township, "乡镇处置", CountyDispatcher, engine.Now));

        var refused = await engine.Runtime.SendAsync(id, new MigrateStimulus(2, Map(("handle", "grid_task")), Admin, engine.Now));

        Assert.That(refused.Refusal?.Code, Is.EqualTo("no-push-down"));
    }

    [Test]
    public async Task A_migration_to_the_same_or_an_unpublished_version_is_refused()
    {
        var (engine, id) = await AtHandleOnV1Async();

        var same = await engine.Runtime.SendAsync(id, new MigrateStimulus(1, Map(("handle", "handle")), Admin, engine.Now));
        var missing = await engine.Runtime.SendAsync(id, new MigrateStimulus(3, Map(("handle", "dispose")), Admin, engine.Now));

        Assert.That(same.Refusal?.Code, Is.EqualTo("same-version"));
        Assert.That(missing.Refusal?.Kind, Is.EqualTo(RefusalKind.NotFound));
    }
}
