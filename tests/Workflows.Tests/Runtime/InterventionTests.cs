using GridCase.Domain;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Runtime;
using static GridCase.Workflows.Tests.Runtime.EngineHarness;

namespace GridCase.Workflows.Tests.Runtime;

/// <summary>督办, 催办, 改派网格 and 重新分类 from outside the flowchart: each journalled with its actor, and each replays.</summary>
public sealed class InterventionTests
{
    private static readonly UnitCode SecondGrid = UnitCode.Parse("140521100001002");
    private static readonly UnitCode OtherVillage = UnitCode.Parse("140521100002");
    private static readonly UnitCode OtherVillageGrid = UnitCode.Parse("140521100002001");
    private static readonly Actor CityDispatcher = Actor.ForUser("d140500", Role.Dispatcher, City);

    private static Dictionary<string, object?> Data(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>start ─▶ route_village ─▶ grid_task (queue: the grid) ─▶ end; the village is responsible.</summary>
    private static async Task<(EngineHarness Engine, Guid Id)> AtVillageAsync()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("village-floor"));
        return (engine, await engine.StartAsync("village-floor"));
    }

    /// <summary>decision with difficulty 4: the county is responsible (floor County), handle queued there.</summary>
    private static async Task<(EngineHarness Engine, Guid Id)> AtCountyAsync()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("decision"));
        var id = await engine.StartAsync("decision");
        await engine.CompleteAsync(id, "triage", "filed", TownshipDispatcher, Data(("difficulty", 4)));
        return (engine, id);
    }

    [Test]
    public async Task A_township_supervises_a_village_case_and_the_county_takes_it_over()
    {
        var (engine, id) = await AtVillageAsync();

        var first = await engine.Runtime.SendAsync(id, new SuperviseStimulus(Township, "三日内办结", TownshipDispatcher, engine.Now));
        var second = await engine.Runtime.SendAsync(id, new SuperviseStimulus(County, "县级督办", CountyDispatcher, engine.Now));

        Assert.That(first.Refusal, Is.Null);
        Assert.That(first.Entries.Select(e => e.Kind), Is.EqualTo(new[] { JournalKinds.SupervisionFlagged, JournalKinds.Notified }));
        Assert.That(first.Entries[0].DataJson, Is.EqualTo("""{"issued":"manual","note":"三日内办结","supervisingUnit":"140521100"}"""));
        Assert.That(first.Entries[0].Actor.UserId, Is.EqualTo(TownshipDispatcher.UserId));
        Assert.That(first.Entries[1].DataJson, Is.EqualTo("""{"message":"上级督办：三日内办结","recipient":"responsible"}"""));
        Assert.That(second.Entries[0].DataJson, Does.Contain("\"previousSupervisingUnit\":\"140521100\""));
        var state = await engine.StateAsync(id);
        Assert.That(state.SupervisedBy, Is.EqualTo(County));
        Assert.That(state.Responsibility.ResponsibleUnit, Is.EqualTo(Village));
        var journal = await engine.JournalAsync(id);
        Assert.That(JournalReplay.StateAt(journal, journal.Count).SupervisedBy, Is.EqualTo(County.Value));
        await engine.AssertReplaysAsync(id);
    }

    [TestCase("140521100001", "supervision-level")] // the responsible village itself
    [TestCase("140521101", "supervision-level")]    // a township that does not contain it
    [TestCase("140521GA", "supervision-level")]     // a department is no centre
    [TestCase("140521100", "already-supervised")]
    public async Task Supervision_by_a_unit_that_is_not_a_higher_centre_or_already_supervises_is_refused(string unit, string code)
    {
        var (engine, id) = await AtVillageAsync();
        await engine.Runtime.SendAsync(id, new SuperviseStimulus(Township, "督办", TownshipDispatcher, engine.Now));
        var before = (await engine.JournalAsync(id)).Count;

        var refused = await engine.Runtime.SendAsync(id, new SuperviseStimulus(UnitCode.Parse(unit), "再次督办", CountyDispatcher, engine.Now));

        Assert.That(refused.Refusal?.Code, Is.EqualTo(code));
        Assert.That(refused.Refusal!.Kind, Is.EqualTo(RefusalKind.Conflict));
        Assert.That(await engine.JournalAsync(id), Has.Count.EqualTo(before));
    }

    [Test]
    public async Task A_county_case_is_supervised_only_from_the_city()
    {
        var (engine, id) = await AtCountyAsync();

        var byTownship = await engine.Runtime.SendAsync(id, new SuperviseStimulus(Township, "督办", TownshipDispatcher, engine.Now));
        var byCounty = await engine.Runtime.SendAsync(id, new SuperviseStimulus(County, "督办", CountyDispatcher, engine.Now));
        var byCity = await engine.Runtime.SendAsync(id, new SuperviseStimulus(City, "市级督办", CityDispatcher, engine.Now));

        Assert.That(byTownship.Refusal?.Code, Is.EqualTo("supervision-level"));
        Assert.That(byCounty.Refusal?.Code, Is.EqualTo("supervision-level"));
        Assert.That(byCity.Refusal, Is.Null);
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task Urging_is_recorded_and_moves_nothing()
    {
        var (engine, id) = await AtVillageAsync();
        var before = await engine.StateAsync(id);

        var urged = await engine.Runtime.SendAsync(id, new UrgeStimulus("请尽快处置", TownshipDispatcher, engine.Now));

        Assert.That(urged.Entries.Select(e => e.Kind), Is.EqualTo(new[] { JournalKinds.Urged }));
        Assert.That(urged.Entries[0].DataJson, Is.EqualTo("""{"byUnit":"140521100","note":"请尽快处置","responsibleUnit":"140521100001"}"""));
        var after = await engine.StateAsync(id);
        Assert.That(after with { LastSeq = before.LastSeq, LastHash = before.LastHash }, Is.EqualTo(before));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task Relocating_within_the_village_keeps_the_village_and_requeues_the_grid_task()
    {
        var (engine, id) = await AtVillageAsync();
        var task = await engine.OpenTaskAtAsync(id, "grid_task");
        await engine.Runtime.SendAsync(id, new ClaimTaskStimulus(task.TaskId, GridMember, engine.Now));

        var relocated = await engine.Runtime.SendAsync(id, new RelocateStimulus(SecondGrid, "网格填错", TownshipDispatcher, engine.Now));

        Assert.That(relocated.Refusal, Is.Null);
        Assert.That(relocated.Entries.Select(e => e.Kind), Is.EqualTo(new[] { JournalKinds.Relocated, JournalKinds.TaskRequeued }));
        Assert.That(relocated.Entries[0].DataJson, Is.EqualTo("""{"fromGrid":"140521100001001","reason":"网格填错","toGrid":"140521100001002"}"""));
        var state = await engine.StateAsync(id);
        Assert.That(state.Subject.GridCode, Is.EqualTo(SecondGrid));
        Assert.That(state.Responsibility.ResponsibleUnit, Is.EqualTo(Village));
        var requeued = await engine.OpenTaskAtAsync(id, "grid_task");
        Assert.That(requeued.Queue, Is.EqualTo(SecondGrid.Value));
        Assert.That(requeued.ClaimedBy, Is.Null);
        var journal = await engine.JournalAsync(id);
        Assert.That(JournalReplay.StateAt(journal, journal.Count).GridCode, Is.EqualTo(SecondGrid.Value));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task Relocating_to_another_village_moves_responsibility_to_that_village()
    {
        var (engine, id) = await AtVillageAsync();

        var relocated = await engine.Runtime.SendAsync(id, new RelocateStimulus(OtherVillageGrid, "实为梅杏社区", TownshipDispatcher, engine.Now));

        Assert.That(relocated.Entries.Select(e => e.Kind), Is.EqualTo(new[] { JournalKinds.Relocated, JournalKinds.Routed, JournalKinds.TaskRequeued }));
        var state = await engine.StateAsync(id);
        Assert.That(state.Responsibility.ResponsibleUnit, Is.EqualTo(OtherVillage));
        Assert.That(state.Responsibility.Floor, Is.EqualTo(OrgLevel.Village));
        Assert.That((await engine.OpenTaskAtAsync(id, "grid_task")).Queue, Is.EqualTo(OtherVillageGrid.Value));
        await engine.CompleteAsync(id, "grid_task", "done", GridMember);
        Assert.That((await engine.StateAsync(id)).Status, Is.EqualTo(WorkflowStatus.Completed));
        await engine.AssertReplaysAsync(id);
    }

    [TestCase("140521100009009", RefusalKind.Invalid, "unknown-unit")]
    [TestCase("140521100002", RefusalKind.Invalid, "not-a-grid")]
    [TestCase("140521100001001", RefusalKind.Conflict, "same-grid")]
    public async Task A_relocation_to_a_wrong_or_the_same_grid_is_refused(string grid, RefusalKind kind, string code)
    {
        var (engine, id) = await AtVillageAsync();

        var refused = await engine.Runtime.SendAsync(id, new RelocateStimulus(UnitCode.Parse(grid), "改派", TownshipDispatcher, engine.Now));

        Assert.That((refused.Refusal?.Kind, refused.Refusal?.Code), Is.EqualTo((kind, code)));
        Assert.That(refused.Entries, Is.Empty);
    }

    [Test]
    public async Task A_case_that_has_been_above_the_village_cannot_change_its_grid()
    {
        var (engine, id) = await AtCountyAsync();
        var before = (await engine.JournalAsync(id)).Count;

        var refused = await engine.Runtime.SendAsync(id, new RelocateStimulus(SecondGrid, "改派", CountyDispatcher, engine.Now));

        Assert.That(refused.Refusal?.Code, Is.EqualTo("no-push-down"));
        Assert.That(refused.Refusal!.Message, Does.StartWith("不得将应由乡镇（街道）或部门处置的事件流转返回到网格"));
        Assert.That(await engine.JournalAsync(id), Has.Count.EqualTo(before));
    }

    [Test]
    public async Task Reclassifying_replaces_the_subject_and_is_recorded()
    {
        var (engine, id) = await AtVillageAsync();
        var subject = Subject with { CatalogueItemCode = "QS-02-003", CategoryCode = "QS-02", OwningDepartment = Police };

        var reclassified = await engine.Runtime.SendAsync(id, new ReclassifyStimulus(subject, "实为治安类", TownshipDispatcher, engine.Now));

        Assert.That(reclassified.Entries.Select(e => e.Kind), Is.EqualTo(new[] { JournalKinds.Reclassified }));
        var data = CanonicalJson.ReadObject(reclassified.Entries[0].DataJson);
        Assert.That(data["fromItem"], Is.EqualTo("QS-01-001"));
        Assert.That(data["toItem"], Is.EqualTo("QS-02-003"));
        Assert.That(data["fromCategory"], Is.EqualTo("QS-01"));
        Assert.That(data["toCategory"], Is.EqualTo("QS-02"));
        Assert.That(data["owningDepartment"], Is.EqualTo(Police.Value));
        Assert.That((await engine.StateAsync(id)).Subject.OwningDepartment, Is.EqualTo(Police));
        var journal = await engine.JournalAsync(id);
        Assert.That(JournalReplay.StateAt(journal, journal.Count).CatalogueItemCode, Is.EqualTo("QS-02-003"));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task Reclassifying_to_the_same_item_or_another_grid_is_refused()
    {
        var (engine, id) = await AtVillageAsync();

        var same = await engine.Runtime.SendAsync(id, new ReclassifyStimulus(Subject, "无变化", TownshipDispatcher, engine.Now));
        var moved = await engine.Runtime.SendAsync(id, new ReclassifyStimulus(Subject with { CatalogueItemCode = "QS-02-003", GridCode = SecondGrid }, "换网格", TownshipDispatcher, engine.Now));

        Assert.That((same.Refusal?.Kind, same.Refusal?.Code), Is.EqualTo((RefusalKind.Conflict, "same-item")));
        Assert.That(moved.Refusal?.Kind, Is.EqualTo(RefusalKind.Invalid));
    }
}
