using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Ports;
using GridCase.Workflows.Runtime;
using static GridCase.Workflows.Tests.Runtime.EngineHarness;

namespace GridCase.Workflows.Tests.Runtime;

/// <summary>Whole flows on the in-memory engine, one JSON fixture per graph; every scenario also replays.</summary>
public sealed class InterpreterScenarioTests
{
    private static Dictionary<string, object?> Data(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    //  start ─▶ handle ─done▶ end
    [Test]
    public async Task A_linear_flow_opens_one_task_and_closes_when_it_is_done()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("linear"));
        var id = await engine.StartAsync("linear");

        var task = await engine.OpenTaskAtAsync(id, "handle");
        Assert.That(task.Queue, Is.EqualTo(Township.Value));
        engine.Advance(TimeSpan.FromHours(1));
        var outcome = await engine.CompleteAsync(id, "handle", "done", TownshipDispatcher, Data(("resolution", "已清理")));

        Assert.That(outcome.Refusal, Is.Null);
        var state = await engine.StateAsync(id);
        Assert.That(state.Status, Is.EqualTo(WorkflowStatus.Completed));
        Assert.That(state.ClosureCode, Is.EqualTo("resolved"));
        Assert.That(await engine.OpenTasksAsync(id), Is.Empty);
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task A_completion_with_a_missing_form_field_is_refused_and_changes_nothing()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("linear"));
        var id = await engine.StartAsync("linear");
        var before = await engine.JournalAsync(id);

        var outcome = await engine.CompleteAsync(id, "handle", "done", TownshipDispatcher);
        var wrongOutcome = await engine.CompleteAsync(id, "handle", "finished", TownshipDispatcher, Data(("resolution", "x")));

        Assert.That(outcome.Refusal?.Kind, Is.EqualTo(RefusalKind.Invalid));
        Assert.That(outcome.Refusal!.Errors!.Keys, Does.Contain("resolution"));
        Assert.That(wrongOutcome.Refusal?.Errors?.Keys, Does.Contain("outcome"));
        Assert.That(await engine.JournalAsync(id), Has.Count.EqualTo(before.Count));
    }

    //  start ─▶ triage ─filed▶ decide ─hard▶ route_county ─▶ handle ─▶ end
    //                 │              └easy▶ route_village ─┘
    //                 └invalid▶ end_invalid
    [TestCase(4, "County", "140521")]
    [TestCase(1, "Village", "140521100001")]
    public async Task A_decision_routes_by_the_triaged_difficulty(int difficulty, string level, string unit)
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("decision"));
        var id = await engine.StartAsync("decision");

        await engine.CompleteAsync(id, "triage", "filed", TownshipDispatcher, Data(("difficulty", difficulty)));

        var state = await engine.StateAsync(id);
        Assert.That(state.Responsibility.ResponsibleUnit.Value, Is.EqualTo(unit));
        Assert.That(state.Responsibility.Floor.ToString(), Is.EqualTo(level));
        Assert.That(state.Responsibility.DispatchingUnit, Is.EqualTo(Township));
        var handle = await engine.OpenTaskAtAsync(id, "handle");
        Assert.That(handle.Queue, Is.EqualTo(unit));
        var routed = (await engine.JournalAsync(id)).Single(e => e.Kind == JournalKinds.Routed);
        Assert.That(routed.Rule, Does.StartWith("decision:decide:"));
        Assert.That(routed.Actor.UserId, Is.EqualTo(TownshipDispatcher.UserId));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task An_invalid_report_closes_as_invalid()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("decision"));
        var id = await engine.StartAsync("decision");

        await engine.CompleteAsync(id, "triage", "invalid", TownshipDispatcher, Data(("reason", "重复上报")));

        Assert.That((await engine.StateAsync(id)).ClosureCode, Is.EqualTo("invalid"));
        await engine.AssertReplaysAsync(id);
    }

    //  start ─▶ triage ─▶ table ─grid▶ route_grid ─┐
    //                          ├village▶ …          ├▶ handle ─▶ end
    //                          └department▶ route_department ─┘
    [TestCase(1, "Grid", "140521100001001", "table:table:r1")]
    [TestCase(2, "Village", "140521100001", "table:table:r2")]
    [TestCase(3, "Township", "140521100", "table:table:r4")]
    [TestCase(2, "County", "140521", "table:table:r5")]
    [TestCase(4, "CrossDepartment", "140521HB", "table:table:r6")]
    public async Task A_decision_table_routes_by_the_first_matching_row_and_records_it(int difficulty, string scope, string unit, string rule)
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("table"));
        var id = await engine.StartAsync("table");

        await engine.CompleteAsync(id, "triage", "filed", TownshipDispatcher, Data(("difficulty", difficulty), ("scope", scope)));

        var state = await engine.StateAsync(id);
        Assert.That(state.Responsibility.ResponsibleUnit.Value, Is.EqualTo(unit));
        Assert.That(state.Variables["timeLimitHours"], Is.Not.Null);
        var routed = (await engine.JournalAsync(id)).Single(e => e.Kind == JournalKinds.Routed);
        Assert.That(routed.Rule, Is.EqualTo(rule));
        await engine.AssertReplaysAsync(id);
    }

    //  start ─▶ route_lead ─▶ fork ─lead▶ lead_task ──┐
    //                              └assist▶ assist_task ┴▶ join(all) ─▶ end
    [Test]
    public async Task A_join_in_all_mode_waits_for_every_branch()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("fork-join"));
        var id = await engine.StartAsync("fork-join");

        var open = await engine.OpenTasksAsync(id);
        Assert.That(open.Select(t => (t.NodeId, t.Queue)), Is.EquivalentTo(new[] { ("lead_task", "140521HB"), ("assist_task", "140521GA") }));

        await engine.CompleteAsync(id, "assist_task", "done", Actor.ForUser("h140521GA", Role.Handler, Police));
        Assert.That((await engine.StateAsync(id)).Status, Is.EqualTo(WorkflowStatus.Running));
        Assert.That((await engine.StateAsync(id)).ActiveNodeIds, Is.EquivalentTo(new[] { "lead_task", "join" }));

        await engine.CompleteAsync(id, "lead_task", "done", EnvironmentHandler);
        Assert.That((await engine.StateAsync(id)).Status, Is.EqualTo(WorkflowStatus.Completed));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task A_join_in_any_mode_goes_on_at_the_first_arrival_and_cancels_the_rest()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("fork-join-any"));
        var id = await engine.StartAsync("fork-join-any");

        await engine.CompleteAsync(id, "lead_task", "done", EnvironmentHandler);

        var state = await engine.StateAsync(id);
        Assert.That(state.Status, Is.EqualTo(WorkflowStatus.Completed));
        var assist = (await engine.Store.TasksOfInstanceAsync(id)).Single(t => t.NodeId == "assist_task");
        Assert.That(assist.Status, Is.EqualTo(WorkTaskStatus.Cancelled));
        await engine.AssertReplaysAsync(id);
    }

    //  start ─▶ mark(stage = waiting) ─▶ wait(PT1H) ─▶ notify ─▶ end
    [Test]
    public async Task A_timer_never_fires_early_and_fires_once()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("timer"));
        var id = await engine.StartAsync("timer");
        var timer = engine.Scheduler.Scheduled.Single();
        Assert.That((await engine.StateAsync(id)).Variables["stage"], Is.EqualTo("waiting"));
        Assert.That((await engine.StateAsync(id)).ActiveNodeIds, Is.EqualTo(new[] { "wait" }));

        engine.Advance(TimeSpan.FromMinutes(59));
        var early = await engine.Runtime.SendAsync(id, new TimerFiredStimulus(timer.TimerId, engine.Now));
        Assert.That(early.Refusal?.Kind, Is.EqualTo(RefusalKind.TooEarly));
        Assert.That(await engine.FireDueTimersAsync(), Is.Zero);

        engine.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await engine.FireDueTimersAsync(), Is.EqualTo(1));
        var again = await engine.Runtime.SendAsync(id, new TimerFiredStimulus(timer.TimerId, engine.Now));

        Assert.That(again.Entries, Is.Empty);
        var journal = await engine.JournalAsync(id);
        Assert.That(journal.Count(e => e.Kind == JournalKinds.TimerFired), Is.EqualTo(1));
        Assert.That(journal.Any(e => e.Kind == JournalKinds.Notified), Is.True);
        Assert.That((await engine.StateAsync(id)).Status, Is.EqualTo(WorkflowStatus.Completed));
        await engine.AssertReplaysAsync(id);
    }

    //  start ─▶ route_township ─▶ handle(10 min, warn 50%) ─done▶ end
    //               └overdue▶ escalate ─▶ supervise ─▶ handle_again ─▶ end
    [Test]
    public async Task A_deadline_warns_then_escalates_and_flags_supervision_when_overdue()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("deadline"));
        var id = await engine.StartAsync("deadline");
        var task = await engine.OpenTaskAtAsync(id, "handle");
        Assert.That(task.DueAt, Is.EqualTo(engine.Now.UtcDateTime.AddMinutes(10)));
        Assert.That(task.WarnAt, Is.EqualTo(engine.Now.UtcDateTime.AddMinutes(5)));

        engine.Advance(TimeSpan.FromMinutes(5));
        await engine.FireDueTimersAsync();
        Assert.That((await engine.OpenTaskAtAsync(id, "handle")).Warned, Is.True);

        engine.Advance(TimeSpan.FromMinutes(5));
        await engine.FireDueTimersAsync();

        var state = await engine.StateAsync(id);
        Assert.That(state.Responsibility.ResponsibleUnit, Is.EqualTo(County));
        Assert.That(state.SupervisedBy, Is.EqualTo(City));
        Assert.That((await engine.OpenTaskAtAsync(id, "handle_again")).Queue, Is.EqualTo(County.Value));
        var kinds = (await engine.JournalAsync(id)).Select(e => e.Kind).ToList();
        Assert.That(kinds, Does.Contain(JournalKinds.DeadlineWarning).And.Contain(JournalKinds.DeadlineOverdue)
            .And.Contain(JournalKinds.Escalated).And.Contain(JournalKinds.SupervisionFlagged));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task Completing_before_the_deadline_cancels_its_timers()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("deadline"));
        var id = await engine.StartAsync("deadline");

        await engine.CompleteAsync(id, "handle", "done", TownshipDispatcher);
        engine.Advance(TimeSpan.FromHours(1));

        Assert.That(await engine.FireDueTimersAsync(), Is.Zero);
        Assert.That(engine.Scheduler.Scheduled, Is.Empty);
        Assert.That((await engine.StateAsync(id)).ClosureCode, Is.EqualTo("resolved"));
    }

    //  start ─▶ route_village ─▶ grid_task(level Grid) ─▶ end
    //  Publishes under the default policy (a village does not raise the floor); a county that configured the
    //  floor at village level gets the refusal at run time instead.
    [Test]
    public async Task The_engine_refuses_to_open_a_task_at_grid_level_when_the_configured_floor_forbids_it()
    {
        var engine = new EngineHarness(new NoPushDownPolicy(floorFrom: OrgLevel.Village));
        await engine.PublishAsync(Fixture("village-floor"));
        var id = Guid.NewGuid();

        var outcome = await engine.Runtime.StartAsync("village-floor", null,
            new StartStimulus(id, Subject, Grid, new Dictionary<string, object?>(), TownshipDispatcher, engine.Now));

        Assert.That(outcome.Refusal?.Code, Is.EqualTo("no-push-down"));
        var journal = await engine.JournalAsync(id);
        var blocked = journal.Single(e => e.Kind == JournalKinds.EscalationBlocked);
        Assert.That(blocked.NodeId, Is.EqualTo("grid_task"));
        Assert.That(blocked.Rule, Is.EqualTo("no-push-down"));
        var state = await engine.StateAsync(id);
        Assert.That(state.Responsibility.ResponsibleUnit, Is.EqualTo(Village));
        var incident = (await engine.OpenTasksAsync(id)).Single();
        Assert.That(incident.Kind, Is.EqualTo(TaskKind.Incident));
        Assert.That(incident.Queue, Is.EqualTo(Township.Value));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task The_same_flow_runs_to_the_grid_under_the_default_policy()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("village-floor"));

        var id = await engine.StartAsync("village-floor", actor: TownshipDispatcher);

        Assert.That((await engine.OpenTaskAtAsync(id, "grid_task")).Queue, Is.EqualTo(Grid.Value));
    }

    [Test]
    public async Task A_manual_reassignment_to_a_grid_after_county_routing_is_refused_and_recorded()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("decision"));
        var id = await engine.StartAsync("decision");
        await engine.CompleteAsync(id, "triage", "filed", TownshipDispatcher, Data(("difficulty", 4)));

        var refused = await engine.Runtime.SendAsync(id, new ReassignStimulus(Grid, "让网格员处理", CountyDispatcher, engine.Now));
        var allowed = await engine.Runtime.SendAsync(id, new ReassignStimulus(Township, "乡镇更合适", CountyDispatcher, engine.Now));

        Assert.That(refused.Refusal?.Code, Is.EqualTo("no-push-down"));
        Assert.That(refused.Entries.Select(e => e.Kind), Is.EqualTo(new[] { JournalKinds.Reassigned, JournalKinds.EscalationBlocked }));
        Assert.That(allowed.Refusal, Is.Null);
        Assert.That((await engine.StateAsync(id)).Responsibility.ResponsibleUnit, Is.EqualTo(Township));
        Assert.That((await engine.OpenTaskAtAsync(id, "handle")).Queue, Is.EqualTo(Township.Value));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public void A_definition_with_a_push_down_path_does_not_validate()
    {
        var engine = new EngineHarness();
        var (definition, _) = DefinitionJson.Parse(Fixture("push-down-static"));

        var problems = engine.Validator.Validate(definition!).Problems;

        Assert.That(problems.Single(p => p.Code == "push-down-path").NodeIds, Is.EqualTo(new[] { "route_township", "back_to_grid" }));
    }

    [Test]
    public async Task An_instance_stays_on_its_version_after_a_new_one_is_published()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("linear"));
        var onV1 = await engine.StartAsync("linear");
        var v2 = Fixture("linear").Replace("\"处置\"", "\"处置（第二版）\"", StringComparison.Ordinal)
            .Replace("\"queue\": { \"level\": \"Township\" }", "\"queue\": { \"level\": \"County\" }", StringComparison.Ordinal);
        Assert.That(await engine.PublishAsync(v2, "tasks go to the county"), Is.EqualTo(2));

        var onV2 = await engine.StartAsync("linear");
        await engine.CompleteAsync(onV1, "handle", "done", TownshipDispatcher, Data(("resolution", "ok")));

        Assert.That((await engine.StateAsync(onV1)).Version, Is.EqualTo(1));
        Assert.That((await engine.JournalAsync(onV1)).Select(e => e.DefinitionVersion), Is.All.EqualTo(1));
        Assert.That((await engine.StateAsync(onV2)).Version, Is.EqualTo(2));
        Assert.That((await engine.OpenTaskAtAsync(onV2, "handle")).Queue, Is.EqualTo(County.Value));
        await engine.AssertReplaysAsync(onV1);
    }

    [Test]
    public async Task Claiming_is_exclusive_and_journalled()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("linear"));
        var id = await engine.StartAsync("linear");
        var task = await engine.OpenTaskAtAsync(id, "handle");
        var colleague = Actor.ForUser("d140521100b", Role.Dispatcher, Township);

        var claimed = await engine.Runtime.SendAsync(id, new ClaimTaskStimulus(task.TaskId, TownshipDispatcher, engine.Now));
        var stolen = await engine.Runtime.SendAsync(id, new ClaimTaskStimulus(task.TaskId, colleague, engine.Now));
        var completedByOther = await engine.Runtime.SendAsync(id, new CompleteTaskStimulus(task.TaskId, "done", Data(("resolution", "x")), colleague, engine.Now));

        Assert.That(claimed.Refusal, Is.Null);
        Assert.That(stolen.Refusal?.Code, Is.EqualTo("task-claimed"));
        Assert.That(completedByOther.Refusal?.Code, Is.EqualTo("task-claimed"));
        Assert.That((await engine.OpenTaskAtAsync(id, "handle")).ClaimedBy, Is.EqualTo(TownshipDispatcher.UserId));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task A_claim_is_given_back_by_its_holder_a_dispatcher_or_a_system_administrator_and_by_no_one_else()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("linear"));
        var id = await engine.StartAsync("linear");
        var task = await engine.OpenTaskAtAsync(id, "handle");
        var colleague = Actor.ForUser("h140521100", Role.Handler, Township);
        var administrator = Actor.ForUser("sysadmin", Role.SystemAdmin, City);

        await engine.Runtime.SendAsync(id, new ClaimTaskStimulus(task.TaskId, TownshipDispatcher, engine.Now));
        var byColleague = await engine.Runtime.SendAsync(id, new ReleaseTaskStimulus(task.TaskId, colleague, engine.Now));
        var byAdministrator = await engine.Runtime.SendAsync(id, new ReleaseTaskStimulus(task.TaskId, administrator, engine.Now));

        Assert.That(byColleague.Refusal?.Code, Is.EqualTo("task-claimed"));
        Assert.That(byAdministrator.Refusal, Is.Null);
        Assert.That(byAdministrator.Entries.Select(e => (e.Kind, e.Actor.UserId)), Is.EqualTo(new[] { (JournalKinds.TaskReleased, "sysadmin") }));
        Assert.That((await engine.OpenTaskAtAsync(id, "handle")).ClaimedBy, Is.Null);
        await engine.AssertReplaysAsync(id);
    }
}
