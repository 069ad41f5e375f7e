using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Runtime;
using static GridCase.Workflows.Tests.Runtime.EngineHarness;

namespace GridCase.Workflows.Tests.Runtime;

/// <summary>The engine features event-handling v2 needs, each on a small definition written here.</summary>
public sealed class EngineV2ScenarioTests
{
    private static readonly Actor OtherTownshipDispatcher = Actor.ForUser("d140521100b", Role.Dispatcher, Township);

    private static Dictionary<string, object?> Data(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>A definition document: <paramref name="nodes"/> is the JSON of the nodes array's items.</summary>
    private static string Flow(string id, string variables, string nodes, params (string From, string Outcome, string To)[] connections) =>
        "{\"id\":\"" + id + "\",\"version\":1,\"name\":\"测试\",\"changeNote\":\"test\",\"variables\":{" + variables + "},"
        + "\"nodes\":[{\"id\":\"start\",\"type\":\"Start\"},{\"id\":\"end\",\"type\":\"End\"}," + nodes + "],"
        + "\"connections\":[" + string.Join(",", connections.Select(c => $"{{\"from\":\"{c.From}\",\"outcome\":\"{c.Outcome}\",\"to\":\"{c.To}\"}}")) + "]}";

    private static IReadOnlyList<DefinitionProblem> Problems(string json)
    {
        var (definition, parseProblems) = DefinitionJson.Parse(json);
        Assert.That(parseProblems, Is.Empty);
        return new EngineHarness().Validator.Validate(definition!).Problems;
    }

    // ---- 2. task purpose ----------------------------------------------------------------------------

    private static string TownshipThenGrid(string purpose) => Flow("purpose", "",
        """
        {"id":"route_township","type":"Route","props":{"target":{"level":"Township"}}},
        {"id":"grid_check","type":"HumanTask","props":{"queue":{"level":"Grid"},"form":"check","outcomes":["done"]@PURPOSE@}}
        """.Replace("@PURPOSE@", purpose, StringComparison.Ordinal),
        ("start", "done", "route_township"), ("route_township", "done", "grid_check"), ("grid_check", "done", "end"));

    //  start ─▶ route_township ─▶ grid_check(queue Grid) ─▶ end
    [Test]
    public void The_analysis_refuses_disposal_at_grid_level_after_a_township_route_and_accepts_a_check()
    {
        Assert.That(Problems(TownshipThenGrid("")).Single(p => p.Code == ProblemCodes.PushDownPath).NodeIds, Is.EqualTo(new[] { "route_township", "grid_check" }));
        Assert.That(Problems(TownshipThenGrid(""","purpose":"disposal" """)).Select(p => p.Code), Has.Member(ProblemCodes.PushDownPath));
        Assert.That(Problems(TownshipThenGrid(""","purpose":"check" """)), Is.Empty);
        Assert.That(Problems(TownshipThenGrid(""","purpose":"visit" """)), Is.Empty);
        Assert.That(Problems(TownshipThenGrid(""","purpose":"repair" """)).Select(p => p.Message), Has.Some.Contains("purpose must be disposal, check or visit"));
    }

    [Test]
    public async Task A_check_task_opens_at_grid_level_after_a_township_route_and_records_its_purpose()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(TownshipThenGrid(""","purpose":"check" """));

        var id = await engine.StartAsync("purpose", actor: TownshipDispatcher);

        var task = await engine.OpenTaskAtAsync(id, "grid_check");
        Assert.That((task.Queue, task.Purpose), Is.EqualTo((Grid.Value, TaskPurpose.Check)));
        var opened = (await engine.JournalAsync(id)).Single(e => e.Kind == JournalKinds.TaskOpened);
        Assert.That(opened.DataJson, Does.Contain("\"purpose\":\"check\""));
        Assert.That((await engine.StateAsync(id)).Responsibility.Floor, Is.EqualTo(OrgLevel.Township));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task A_disposal_task_records_no_purpose()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("linear"));

        var id = await engine.StartAsync("linear");

        Assert.That((await engine.JournalAsync(id)).Where(e => e.Kind == JournalKinds.TaskOpened).Select(e => e.DataJson), Has.None.Contains("purpose"));
    }

    // ---- 3. multi-instance tasks --------------------------------------------------------------------

    //  start ─▶ pick(field depts: units) ─▶ assist(forEach depts, queue item) ─▶ end
    private static string ForEachFlow(string queue = """{"item":true}""", string forEach = ""","forEach":"depts" """) => Flow("for-each", "\"depts\":\"units\",\"note\":\"string\"",
        """
        {"id":"pick","type":"HumanTask","props":{"queue":{"level":"Township"},"form":"pick","outcomes":["done"],
         "fields":[{"name":"depts","type":"units","unitKind":"Department","maxItems":3}]}},
        {"id":"assist","type":"HumanTask","props":{"queue":@QUEUE@,"form":"assist","outcomes":["done","failed"]@FOREACH@,
         "fields":[{"name":"note","type":"string"}]}}
        """.Replace("@QUEUE@", queue, StringComparison.Ordinal).Replace("@FOREACH@", forEach, StringComparison.Ordinal),
        ("start", "done", "pick"), ("pick", "done", "assist"), ("assist", "done", "end"), ("assist", "failed", "end"));

    [Test]
    public async Task A_for_each_task_opens_one_task_per_unit_and_leaves_when_the_last_completes()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(ForEachFlow());
        var id = await engine.StartAsync("for-each");
        await engine.CompleteAsync(id, "pick", "done", TownshipDispatcher, Data(("depts", new[] { Police.Value, EngineHarness.Environment.Value })));

        var tasks = (await engine.OpenTasksAsync(id)).Where(t => t.NodeId == "assist").OrderBy(t => t.Queue, StringComparer.Ordinal).ToList();
        Assert.That(tasks.Select(t => (t.Queue, t.Item)), Is.EqualTo(new[] { (Police.Value, Police.Value), (EngineHarness.Environment.Value, EngineHarness.Environment.Value) }));
        Assert.That((await engine.StateAsync(id)).Variables["depts"], Is.EqualTo(new List<object?> { Police.Value, EngineHarness.Environment.Value }));
        Assert.That((await engine.JournalAsync(id)).Single(e => e.Kind == JournalKinds.VariableSet).DataJson, Does.Contain($"[\"{Police.Value}\",\"{EngineHarness.Environment.Value}\"]"));

        var first = await engine.Runtime.SendAsync(id, new CompleteTaskStimulus(tasks[0].TaskId, "done", Data(("note", "公安已到场")), EngineHarness.CountyDispatcher, engine.Now));
        Assert.That(first.Entries.Select(e => e.Kind), Does.Contain(JournalKinds.TaskCompleted).And.Not.Contain(JournalKinds.NodeExited));
        Assert.That((await engine.StateAsync(id)).Variables["note"], Is.EqualTo("公安已到场"));
        Assert.That((await engine.StateAsync(id)).Status, Is.EqualTo(WorkflowStatus.Running));

        var last = await engine.Runtime.SendAsync(id, new CompleteTaskStimulus(tasks[1].TaskId, "failed", Data(("note", "无法处置")), EnvironmentHandler, engine.Now));
        var exited = last.Entries.Single(e => e.Kind == JournalKinds.NodeExited && e.NodeId == "assist");
        Assert.That(exited.DataJson, Does.Contain("\"failed\""));
        Assert.That((await engine.StateAsync(id)).Status, Is.EqualTo(WorkflowStatus.Completed));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task An_empty_list_leaves_a_for_each_task_at_once_through_its_first_outcome()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(ForEachFlow());
        var id = await engine.StartAsync("for-each");

        await engine.CompleteAsync(id, "pick", "done", TownshipDispatcher);

        var exited = (await engine.JournalAsync(id)).Single(e => e.Kind == JournalKinds.NodeExited && e.NodeId == "assist");
        Assert.That((exited.Rule, exited.DataJson), Is.EqualTo(("forEach:empty", """{"outcomes":["done"]}""")));
        Assert.That((await engine.StateAsync(id)).Status, Is.EqualTo(WorkflowStatus.Completed));
        await engine.AssertReplaysAsync(id);
    }

    [TestCase("140521XX", "140521XX")]
    [TestCase("140521100", "is not a department")]
    [TestCase("not-a-code", "not-a-code")]
    public async Task A_bad_unit_in_a_units_field_is_a_field_error_naming_it(string unit, string fragment)
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(ForEachFlow());
        var id = await engine.StartAsync("for-each");

        var outcome = await engine.CompleteAsync(id, "pick", "done", TownshipDispatcher, Data(("depts", new[] { Police.Value, unit })));

        Assert.That(outcome.Refusal?.Code, Is.EqualTo("task-completion-invalid"));
        Assert.That(outcome.Refusal!.Errors!["depts"].Single(), Does.Contain(fragment));
        Assert.That(outcome.Entries, Is.Empty);
        Assert.That((await engine.StateAsync(id)).Status, Is.EqualTo(WorkflowStatus.Running));
    }

    [Test]
    public async Task A_units_field_takes_at_most_max_items()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(ForEachFlow());
        var id = await engine.StartAsync("for-each");

        var outcome = await engine.CompleteAsync(id, "pick", "done", TownshipDispatcher, Data(("depts", new[] { Police.Value, EngineHarness.Environment.Value, "140500ZZ", "140521GA2" })));

        Assert.That(outcome.Refusal?.Errors?["depts"].Single(), Does.Contain("140521GA2").Or.Contain("at most 3"));
    }

    [Test]
    public void An_item_queue_needs_for_each_and_for_each_needs_a_units_variable()
    {
        Assert.That(Problems(ForEachFlow(forEach: "")).Select(p => p.Message), Has.Some.Contains("only for a task with forEach"));
        Assert.That(Problems(ForEachFlow(queue: """{"level":"Township"}""")).Select(p => p.Message), Has.Some.Contains("queued at each item"));
        Assert.That(Problems(ForEachFlow(forEach: ""","forEach":"note" """)).Select(p => p.Message), Has.Some.Contains("declared units variable"));
    }

    // ---- 4. separation of duties --------------------------------------------------------------------

    //  start ─▶ handle(queue Township) ─▶ verify(queue Township, separateFrom handle) ─▶ end
    private static string SeparationFlow(string separateFrom = "[\"handle\"]") => Flow("separation", "",
        """
        {"id":"handle","type":"HumanTask","props":{"queue":{"level":"Township"},"form":"handling","outcomes":["done"]}},
        {"id":"verify","type":"HumanTask","props":{"queue":{"level":"Township"},"form":"verification","outcomes":["done"],"separateFrom":@SEPARATE@}}
        """.Replace("@SEPARATE@", separateFrom, StringComparison.Ordinal),
        ("start", "done", "handle"), ("handle", "done", "verify"), ("verify", "done", "end"));

    [Test]
    public async Task Whoever_handled_the_case_cannot_claim_or_verify_it()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(SeparationFlow());
        var id = await engine.StartAsync("separation");
        await engine.CompleteAsync(id, "handle", "done", TownshipDispatcher);
        var verify = await engine.OpenTaskAtAsync(id, "verify");
        var before = await engine.StateAsync(id);

        var claim = await engine.Runtime.SendAsync(id, new ClaimTaskStimulus(verify.TaskId, TownshipDispatcher, engine.Now));
        var complete = await engine.CompleteAsync(id, "verify", "done", TownshipDispatcher);

        foreach (var refused in new[] { claim, complete })
        {
            Assert.That((refused.Refusal?.Kind, refused.Refusal?.Code), Is.EqualTo((RefusalKind.Conflict, "separation-of-duties")));
            Assert.That(refused.Refusal!.Message, Does.StartWith("监管分离：处置人不得核查本案"));
            Assert.That(refused.Entries, Is.Empty);
        }

        Assert.That((await engine.StateAsync(id)).LastSeq, Is.EqualTo(before.LastSeq));
        Assert.That(before.Performers!["handle"], Is.EqualTo(new[] { TownshipDispatcher.UserId }));
        Assert.That((await engine.CompleteAsync(id, "verify", "done", OtherTownshipDispatcher)).Refusal, Is.Null);
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task A_state_without_performers_is_stored_without_them()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("linear"));

        var id = await engine.StartAsync("linear");

        Assert.That((await engine.StateAsync(id)).Performers, Is.Null);
    }

    [Test]
    public void Separate_from_must_name_another_node()
    {
        Assert.That(Problems(SeparationFlow("[\"nowhere\"]")).Select(p => p.Message), Has.Some.Contains("separateFrom names 'nowhere'"));
        Assert.That(Problems(SeparationFlow("[\"verify\"]")).Select(p => p.Message), Has.Some.Contains("separateFrom names 'verify'"));
    }

    // ---- 5. non-interrupting overdue ----------------------------------------------------------------

    //  start ─▶ handle ─done▶ end
    //             └─overdue▶ remind(Notify) ─▶ stop(End branch)
    private static string OverdueFlow(bool interrupts) => Flow("overdue", "",
        """
        {"id":"handle","type":"HumanTask","props":{"queue":{"level":"Township"},"form":"handling","outcomes":["done"],
         "deadline":{"duration":"PT1H","overdueInterrupts":@INTERRUPTS@}}},
        {"id":"remind","type":"Notify","props":{"recipient":"dispatching","message":"已超时"}},
        {"id":"stop","type":"End","props":{"branch":true}}
        """.Replace("@INTERRUPTS@", interrupts ? "true" : "false", StringComparison.Ordinal),
        ("start", "done", "handle"), ("handle", "done", "end"), ("handle", "overdue", "remind"), ("remind", "done", "stop"));

    [Test]
    public async Task A_non_interrupting_overdue_runs_its_port_while_the_task_stays_open()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(OverdueFlow(interrupts: false));
        var id = await engine.StartAsync("overdue");

        engine.Advance(TimeSpan.FromHours(2));
        await engine.FireDueTimersAsync();

        var task = await engine.OpenTaskAtAsync(id, "handle");
        Assert.That(task.Overdue, Is.True);
        var journal = await engine.JournalAsync(id);
        Assert.That(journal.Select(e => e.Kind), Does.Contain(JournalKinds.Notified).And.Not.Contain(JournalKinds.TaskCancelled));
        Assert.That((await engine.StateAsync(id)).Status, Is.EqualTo(WorkflowStatus.Running));
        Assert.That((await engine.CompleteAsync(id, "handle", "done", TownshipDispatcher)).Refusal, Is.Null);
        Assert.That((await engine.StateAsync(id)).ClosureCode, Is.EqualTo("resolved"));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task An_interrupting_overdue_still_cancels_the_task()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(OverdueFlow(interrupts: true));
        var id = await engine.StartAsync("overdue");

        engine.Advance(TimeSpan.FromHours(2));
        await engine.FireDueTimersAsync();

        Assert.That(await engine.OpenTasksAsync(id), Is.Empty);
        Assert.That((await engine.StateAsync(id)).Status, Is.EqualTo(WorkflowStatus.Running), "a branch End does not close the case");
    }

    // ---- 9. branch end ------------------------------------------------------------------------------

    [Test]
    public async Task A_branch_end_stops_its_path_without_closing()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(OverdueFlow(interrupts: true));
        var id = await engine.StartAsync("overdue");

        engine.Advance(TimeSpan.FromHours(2));
        await engine.FireDueTimersAsync();

        var journal = await engine.JournalAsync(id);
        var exit = journal.Single(e => e.Kind == JournalKinds.NodeExited && e.NodeId == "stop");
        Assert.That(exit.DataJson, Is.EqualTo("""{"outcomes":[]}"""));
        Assert.That(journal.Select(e => e.Kind), Has.None.EqualTo(JournalKinds.Closed));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public void Only_branch_ends_do_not_satisfy_the_no_end_check()
    {
        var json = OverdueFlow(interrupts: false).Replace("""{"id":"end","type":"End"}""", """{"id":"end","type":"End","props":{"branch":true}}""", StringComparison.Ordinal);

        Assert.That(Problems(json).Select(p => p.Code), Has.Member(ProblemCodes.NoEnd));
    }

    // ---- 6. tasks follow responsibility -------------------------------------------------------------

    //  start ─▶ route_village ─▶ fork ─┬─a─▶ handle(queue responsible) ─▶ end
    //                                  └─b─▶ wait(PT1H) ─▶ escalate ─▶ stop(End branch)
    [Test]
    public async Task An_open_task_at_the_responsible_unit_follows_an_escalation()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Flow("follow", "",
            """
            {"id":"route_village","type":"Route","props":{"target":{"level":"Village"}}},
            {"id":"fork","type":"Fork","props":{"branches":["a","b"]}},
            {"id":"handle","type":"HumanTask","props":{"queue":{"responsible":true},"form":"handling","outcomes":["done"]}},
            {"id":"fixed","type":"HumanTask","props":{"queue":{"level":"Village"},"form":"note","outcomes":["done"]}},
            {"id":"wait","type":"Timer","props":{"duration":"PT1H"}},
            {"id":"escalate","type":"Escalate","props":{}},
            {"id":"stop","type":"End","props":{"branch":true}}
            """,
            ("start", "done", "route_village"), ("route_village", "done", "fork"), ("fork", "a", "handle"), ("fork", "a", "fixed"), ("fork", "b", "wait"),
            ("handle", "done", "end"), ("fixed", "done", "stop"), ("wait", "done", "escalate"), ("escalate", "done", "stop"), ("escalate", "top", "stop")));
        var id = await engine.StartAsync("follow", actor: TownshipDispatcher);
        var handle = await engine.OpenTaskAtAsync(id, "handle");
        await engine.Runtime.SendAsync(id, new ClaimTaskStimulus(handle.TaskId, VillageHandler, engine.Now));

        engine.Advance(TimeSpan.FromHours(2));
        await engine.FireDueTimersAsync();

        var moved = await engine.OpenTaskAtAsync(id, "handle");
        Assert.That((moved.Queue, moved.ClaimedBy), Is.EqualTo((Township.Value, (string?)null)));
        Assert.That((await engine.OpenTaskAtAsync(id, "fixed")).Queue, Is.EqualTo(Village.Value), "a fixed queue stays");
        var requeued = (await engine.JournalAsync(id)).Single(e => e.Kind == JournalKinds.TaskRequeued);
        Assert.That(requeued.DataJson, Is.EqualTo($$"""{"from":"{{Village.Value}}","taskId":"{{handle.TaskId}}","to":"{{Township.Value}}"}"""));
        await engine.AssertReplaysAsync(id);
    }

    // ---- 7. variable and supervising targets; 11. responsibility names -------------------------------

    //  start ─▶ choose(field target: unit) ─▶ route_chosen(variable target) ─▶ who(SetVariable) ─▶ handle(responsible) ─▶ end
    private static string ChosenFlow(string variableType = "string") => Flow("chosen", $"\"target\":\"{variableType}\",\"who\":\"string\"",
        """
        {"id":"choose","type":"HumanTask","props":{"queue":{"level":"Township"},"form":"redispatch","outcomes":["done"],"fields":[{"name":"target","type":"unit","required":true}]}},
        {"id":"route_chosen","type":"Route","props":{"target":{"variable":"target"}}},
        {"id":"who","type":"SetVariable","props":{"name":"who","expression":"responsibleUnit"}},
        {"id":"handle","type":"HumanTask","props":{"queue":{"responsible":true},"form":"handling","outcomes":["done"]}}
        """,
        ("start", "done", "choose"), ("choose", "done", "route_chosen"), ("route_chosen", "done", "who"), ("who", "done", "handle"), ("handle", "done", "end"));

    [Test]
    public async Task A_route_to_the_unit_in_a_variable_makes_it_responsible_and_expressions_read_it()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(ChosenFlow());
        var id = await engine.StartAsync("chosen");

        await engine.CompleteAsync(id, "choose", "done", TownshipDispatcher, Data(("target", Police.Value)));

        var state = await engine.StateAsync(id);
        Assert.That(state.Responsibility.ResponsibleUnit, Is.EqualTo(Police));
        Assert.That(state.Variables["who"], Is.EqualTo(Police.Value));
        Assert.That((await engine.OpenTaskAtAsync(id, "handle")).Queue, Is.EqualTo(Police.Value));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task A_unit_field_refuses_a_unit_that_does_not_exist()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(ChosenFlow());
        var id = await engine.StartAsync("chosen");

        var outcome = await engine.CompleteAsync(id, "choose", "done", TownshipDispatcher, Data(("target", "140521XX")));

        Assert.That(outcome.Refusal?.Errors?["target"].Single(), Does.Contain("140521XX"));
    }

    //  start ─▶ note(SetVariable earlier = Police) ─▶ choose(target notSameAs earlier unless why) ─▶ end
    [Test]
    public async Task A_field_may_not_repeat_a_variable_unless_the_reason_field_is_filled_in()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Flow("not-same", "\"earlier\":\"string\",\"target\":\"string\",\"why\":\"string\"",
            $$$"""
            {"id":"note","type":"SetVariable","props":{"name":"earlier","value":"{{{Police.Value}}}"}},
            {"id":"choose","type":"HumanTask","props":{"queue":{"level":"Township"},"form":"redispatch","outcomes":["done"],"fields":[
              {"name":"target","type":"unit","required":true,"notSameAs":{"variable":"earlier","unless":"why"}},
              {"name":"why","type":"string","maxLength":100}]}}
            """,
            ("start", "done", "note"), ("note", "done", "choose"), ("choose", "done", "end")));
        var id = await engine.StartAsync("not-same");

        var refused = await engine.CompleteAsync(id, "choose", "done", TownshipDispatcher, Data(("target", Police.Value)));
        var other = await engine.CompleteAsync(id, "choose", "done", TownshipDispatcher, Data(("target", Police.Value), ("why", "会商后仍由其处置")));

        Assert.That(refused.Refusal?.Errors?["target"].Single(), Does.Contain("why").And.Contain(Police.Value));
        Assert.That(other.Refusal, Is.Null);
        Assert.That((await engine.StateAsync(id)).Status, Is.EqualTo(WorkflowStatus.Completed));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public void A_not_same_as_rule_must_name_a_declared_variable()
    {
        var problems = Problems(Flow("not-same-bad", "\"target\":\"string\"",
            """{"id":"choose","type":"HumanTask","props":{"queue":{"level":"Township"},"form":"f","outcomes":["done"],"fields":[{"name":"target","type":"unit","notSameAs":{"variable":"nowhere"}}]}}""",
            ("start", "done", "choose"), ("choose", "done", "end")));

        Assert.That(problems.Select(p => p.Message), Has.Some.Contains("notSameAs.variable"));
    }

    [Test]
    public async Task A_variable_route_to_a_grid_after_the_floor_rose_is_refused_at_run_time()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(ChosenFlow());
        var id = await engine.StartAsync("chosen");
        await engine.Runtime.SendAsync(id, new ReassignStimulus(Township, "乡镇处置", CountyDispatcher, engine.Now));

        var outcome = await engine.CompleteAsync(id, "choose", "done", TownshipDispatcher, Data(("target", Grid.Value)));

        Assert.That(outcome.Refusal?.Code, Is.EqualTo("no-push-down"));
        Assert.That((await engine.StateAsync(id)).Responsibility.ResponsibleUnit, Is.EqualTo(Township));
    }

    [Test]
    public void A_variable_target_needs_a_declared_string_variable()
    {
        Assert.That(Problems(ChosenFlow("int")).Select(p => p.Message), Has.Some.Contains("must name a declared string variable"));
    }

    //  start ─▶ supervise ─▶ handle(queue supervising) ─▶ end
    [Test]
    public async Task A_queue_at_the_supervising_unit_goes_to_the_unit_that_flagged_the_case()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Flow("supervised", "",
            """
            {"id":"supervise","type":"Supervise","props":{}},
            {"id":"handle","type":"HumanTask","props":{"queue":{"supervising":true},"form":"handling","outcomes":["done"],"claimFromAbove":true}}
            """,
            ("start", "done", "supervise"), ("supervise", "done", "handle"), ("supervise", "top", "end"), ("handle", "done", "end")));

        var id = await engine.StartAsync("supervised");

        var task = await engine.OpenTaskAtAsync(id, "handle");
        Assert.That((task.Queue, task.ClaimFromAbove), Is.EqualTo((Village.Value, true)));
        Assert.That((await engine.JournalAsync(id)).Single(e => e.Kind == JournalKinds.TaskOpened).DataJson, Does.Contain("\"claimFromAbove\":true"));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task A_supervising_queue_faults_when_nobody_flagged_the_case()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Flow("unsupervised", "",
            """{"id":"handle","type":"HumanTask","props":{"queue":{"supervising":true},"form":"handling","outcomes":["done"]}}""",
            ("start", "done", "handle"), ("handle", "done", "end")));

        var id = await engine.StartAsync("unsupervised");

        Assert.That((await engine.StateAsync(id)).Status, Is.EqualTo(WorkflowStatus.Faulted));
    }
}
