using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;
using static GridCase.Workflows.Tests.Definitions.Sketch;

namespace GridCase.Workflows.Tests.Definitions;

public sealed class DefinitionValidatorTests
{
    private readonly DefinitionValidator _validator = new(FakeActivities.Registry());

    private ValidationResult Validate(WorkflowDefinition definition) => _validator.Validate(definition);

    private IReadOnlyList<DefinitionProblem> Problems(IEnumerable<string> nodes, IEnumerable<string> connections, string variables = "{}") =>
        Validate(Flow(nodes, connections, variables)).Problems;

    private static IEnumerable<string> Codes(IEnumerable<DefinitionProblem> problems) => problems.Select(p => p.Code);

    // report ──► handle ──► close
    [Test]
    public void A_sound_definition_compiles_with_no_problems()
    {
        var result = Validate(Flow(
            ["report:Start", """handle:FakeTask {"outcomes":["resolved"],"deadline":true}""", "close:End"],
            ["report -> handle", "handle.resolved -> close"]));

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.IsValid);
        Assert.That(result.Compiled, Is.Not.Null);
        Assert.That(result.Compiled!.StartNodeId, Is.EqualTo("report"));
        Assert.That(result.Compiled.Next("handle", "resolved"), Is.EqualTo(new[] { "close" }));
        Assert.That(result.Compiled.Nodes.Keys, Is.EquivalentTo(new[] { "report", "handle", "close" }));
    }

    [TestCase("Event_Handling", "草图", "id 'Event_Handling'")]
    [TestCase("", "草图", "needs an 'id'")]
    [TestCase("event-handling", " ", "needs a 'name'")]
    public void The_id_and_the_name_must_be_present_and_well_formed(string id, string name, string expected)
    {
        var sound = Flow(["report:Start", "close:End"], ["report -> close"]);

        var problems = Validate(sound with { Id = id, Name = name }).Problems;

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Code, Is.EqualTo(ProblemCodes.Format));
        Assert.That(problems[0].Message, Does.Contain(expected));
    }

    [Test]
    public void A_negative_version_is_a_format_problem()
    {
        var sound = Flow(["report:Start", "close:End"], ["report -> close"]);

        Assert.That(Codes(Validate(sound with { Version = -1 }).Problems), Is.EqualTo(new[] { ProblemCodes.Format }));
    }

    [Test]
    public void A_node_id_must_start_with_a_letter()
    {
        var problems = Problems(["report:Start", "1st:End"], ["report -> 1st"]);

        Assert.That(problems.Single().Code, Is.EqualTo(ProblemCodes.Format));
        Assert.That(problems.Single().NodeIds, Is.EqualTo(new[] { "1st" }));
    }

    [Test]
    public void A_variable_name_must_be_an_identifier()
    {
        var problems = Problems(["report:Start", "close:End"], ["report -> close"], """{"the reason":"string"}""");

        Assert.That(problems.Single().Code, Is.EqualTo(ProblemCodes.Format));
        Assert.That(problems.Single().Message, Does.Contain("the reason"));
    }

    [Test]
    public void Two_nodes_with_one_id_are_reported_once_naming_the_id()
    {
        var problems = Problems(
            ["report:Start", """step:FakeTask {"outcomes":["ok"]}""", """step:FakeTask {"outcomes":["ok"]}""", "close:End"],
            ["report -> step", "step.ok -> close"]);

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Code, Is.EqualTo(ProblemCodes.DuplicateNode));
        Assert.That(problems[0].NodeIds, Is.EqualTo(new[] { "step" }));
    }

    [Test]
    public void A_type_the_registry_does_not_know_is_reported_with_the_known_types()
    {
        var problems = Problems(["report:Start", "magic:Teleport", "close:End"], ["report -> magic", "magic -> close"]);

        Assert.That(problems.Single().Code, Is.EqualTo(ProblemCodes.UnknownType));
        Assert.That(problems.Single().NodeIds, Is.EqualTo(new[] { "magic" }));
        Assert.That(problems.Single().Message, Does.Contain("Teleport").And.Contain("FakeRoute"));
    }

    [Test]
    public void Property_problems_come_from_the_activity_and_name_the_node()
    {
        var problems = Problems(["report:Start", "handle:FakeTask", "close:End"], ["report -> handle", "handle -> close"]);

        // No outcomes, so the connection from 'handle' cannot be checked against them: only the props problem.
        Assert.That(problems.Single().Code, Is.EqualTo(ProblemCodes.MissingProperty));
        Assert.That(problems.Single().NodeIds, Is.EqualTo(new[] { "handle" }));
    }

    [TestCase("""{"closureCode":"done"}""", "invalid-property")]
    [TestCase("""{"fromVariable":"nowhere"}""", "unknown-variable")]
    public void The_end_node_checks_its_closure(string props, string code)
    {
        var problems = Problems(["report:Start", "close:End " + props], ["report -> close"]);

        Assert.That(Codes(problems), Is.EqualTo(new[] { code }));
    }

    [Test]
    public void A_definition_without_a_start_is_reported_once()
    {
        var problems = Problems([@"handle:FakeTask {""outcomes"":[""ok""]}", "close:End"], ["handle.ok -> close"]);

        Assert.That(Codes(problems), Is.EqualTo(new[] { ProblemCodes.NoStart }));
    }

    [Test]
    public void Two_starts_are_reported_naming_both()
    {
        var problems = Problems(["hotline:Start", "patrol:Start", "close:End"], ["hotline -> close", "patrol -> close"]);

        Assert.That(problems.Single().Code, Is.EqualTo(ProblemCodes.ManyStarts));
        Assert.That(problems.Single().NodeIds, Is.EqualTo(new[] { "hotline", "patrol" }));
    }

    // report ──► loop ─┐
    //             ▲    │      close (no way in)
    //             └────┘
    [Test]
    public void An_end_that_cannot_be_reached_is_no_end()
    {
        var problems = Problems(
            ["report:Start", """loop:FakeTask {"outcomes":["again"]}""", "close:End"],
            ["report -> loop", "loop.again -> loop"]);

        Assert.That(Codes(problems), Is.EquivalentTo(new[] { ProblemCodes.NoEnd, ProblemCodes.UnreachableNode }));
        Assert.That(problems.Single(p => p.Code == ProblemCodes.NoEnd).NodeIds, Is.EqualTo(new[] { "close" }));
    }

    [Test]
    public void A_definition_with_no_end_node_at_all_is_no_end()
    {
        var problems = Problems(["report:Start", """wait:FakeTask {"outcomes":["again"]}"""], ["report -> wait", "wait.again -> wait"]);

        Assert.That(Codes(problems), Is.EqualTo(new[] { ProblemCodes.NoEnd }));
    }

    [TestCase("report -> nowhere", "report")]
    [TestCase("ghost -> close", "close")]
    public void A_connection_to_or_from_a_missing_node_is_dangling(string dangling, string named)
    {
        var problems = Problems(["report:Start", "close:End"], ["report -> close", dangling]);

        Assert.That(problems.Single().Code, Is.EqualTo(ProblemCodes.DanglingConnection));
        Assert.That(problems.Single().NodeIds, Is.EqualTo(new[] { named }));
    }

    [Test]
    public void A_connection_from_a_port_the_node_does_not_declare_is_reported()
    {
        var problems = Problems(
            ["report:Start", """handle:FakeTask {"outcomes":["resolved"]}""", "close:End"],
            ["report -> handle", "handle.resolved -> close", "handle.overdue -> close"]);

        Assert.That(problems.Single().Code, Is.EqualTo(ProblemCodes.UndeclaredOutcome));
        Assert.That(problems.Single().NodeIds, Is.EqualTo(new[] { "handle" }));
        Assert.That(problems.Single().Message, Does.Contain("'overdue'").And.Contain("resolved"));
    }

    [Test]
    public void A_declared_port_with_no_connection_is_reported()
    {
        var problems = Problems(
            ["report:Start", """handle:FakeTask {"outcomes":["resolved","returned"]}""", "close:End"],
            ["report -> handle", "handle.resolved -> close"]);

        Assert.That(problems.Single().Code, Is.EqualTo(ProblemCodes.UnconnectedOutcome));
        Assert.That(problems.Single().Message, Does.Contain("'returned'"));
    }

    [Test]
    public void The_deadline_ports_warning_and_overdue_may_stay_unconnected()
    {
        var problems = Problems(
            ["report:Start", """handle:FakeTask {"outcomes":["resolved"],"deadline":true}""", "close:End"],
            ["report -> handle", "handle.resolved -> close"]);

        Assert.That(problems, Is.Empty);
    }

    // report ──► close        island ──► close
    [Test]
    public void A_node_the_start_cannot_reach_is_unreachable()
    {
        var problems = Problems(
            ["report:Start", """island:FakeTask {"outcomes":["ok"]}""", "close:End"],
            ["report -> close", "island.ok -> close"]);

        Assert.That(problems.Single().Code, Is.EqualTo(ProblemCodes.UnreachableNode));
        Assert.That(problems.Single().NodeIds, Is.EqualTo(new[] { "island" }));
    }

    [Test]
    public void Problems_a_compiled_node_sees_in_itself_are_reported()
    {
        var problems = Problems(
            ["report:Start", """routing:FakeTable {"gap":"difficulty 4","overlap":"r1 and r2"}""", "close:End"],
            ["report -> routing", "routing -> close"]);

        Assert.That(Codes(problems), Is.EqualTo(new[] { ProblemCodes.TableGap, ProblemCodes.TableOverlap }));
        Assert.That(problems.SelectMany(p => p.NodeIds).Distinct(), Is.EqualTo(new[] { "routing" }));
    }

    //                    ┌─lead──► join ──► close
    // report ──► fork ───┤
    //                    └─assist──► close
    [Test]
    public void A_join_with_fewer_than_two_incoming_branches_is_an_invalid_property()
    {
        var problems = Problems(
            ["report:Start", """fork:Fork {"branches":["lead","assist"]}""", "join:Join", "close:End"],
            ["report -> fork", "fork.lead -> join", "fork.assist -> close", "join -> close"]);

        Assert.That(problems.Single().Code, Is.EqualTo(ProblemCodes.InvalidProperty));
        Assert.That(problems.Single().NodeIds, Is.EqualTo(new[] { "join" }));
    }

    [Test]
    public void A_fork_with_one_branch_is_an_invalid_property()
    {
        var problems = Problems(
            ["report:Start", """fork:Fork {"branches":["only"]}""", "close:End"],
            ["report -> fork", "fork.only -> close"]);

        Assert.That(Codes(problems), Has.Member(ProblemCodes.InvalidProperty));
        Assert.That(problems.First(p => p.Code == ProblemCodes.InvalidProperty).NodeIds, Is.EqualTo(new[] { "fork" }));
    }

    // report ──► route_township ──► verify ──► assign_grid ──► close
    [Test]
    public void A_direct_path_from_a_raising_route_to_a_grid_route_is_a_push_down_path()
    {
        var problems = Problems(
            ["report:Start", """route_township:FakeRoute {"to":"Township"}""", """verify:FakeTask {"outcomes":["ok"]}""",
             """assign_grid:FakeRoute {"to":"Grid"}""", "close:End"],
            ["report -> route_township", "route_township -> verify", "verify.ok -> assign_grid", "assign_grid -> close"]);

        var problem = problems.Single();
        Assert.That(problem.Code, Is.EqualTo(ProblemCodes.PushDownPath));
        Assert.That(problem.NodeIds, Is.EqualTo(new[] { "route_township", "assign_grid" }));
        Assert.That(problem.Message, Does.Contain(" / route_township → verify → assign_grid: "));
        Assert.That(problem.Message, Does.Contain("不得将应由乡镇（街道）或部门处置的事件流转返回到网格"));
    }

    // report ──► route_grid ──► handle ──resolved──► close
    //                 ▲           │ escalate
    //                 │           ▼
    //                 └──back── route_county
    [Test]
    public void A_loop_back_to_the_grid_route_after_a_raise_is_a_push_down_path()
    {
        var problems = Problems(
            ["report:Start", """route_grid:FakeRoute {"to":"Grid"}""", """handle:FakeTask {"outcomes":["resolved","escalate"]}""",
             """route_county:FakeRoute {"to":"County"}""", "close:End"],
            ["report -> route_grid", "route_grid -> handle", "handle.resolved -> close", "handle.escalate -> route_county", "route_county -> route_grid"]);

        var problem = problems.Single();
        Assert.That(problem.NodeIds, Is.EqualTo(new[] { "route_county", "route_grid" }));
        Assert.That(problem.Message, Does.Contain(" / route_county → route_grid: "));
    }

    // report ──► route_dept ──► handle ──resolved──► close
    //                              │ returned  ▲
    //                              ▼           │
    //                         grid_check ──────┘      (a task in a grid-level queue)
    [Test]
    public void A_task_in_a_grid_level_queue_after_a_raise_is_a_push_down_path()
    {
        var problems = Problems(
            ["report:Start", """route_dept:FakeRoute {"to":"Department"}""", """handle:FakeTask {"outcomes":["resolved","returned"]}""",
             """grid_check:FakeTask {"outcomes":["ok"],"queue":"Grid"}""", "close:End"],
            ["report -> route_dept", "route_dept -> handle", "handle.resolved -> close", "handle.returned -> grid_check", "grid_check.ok -> handle"]);

        Assert.That(problems.Single().NodeIds, Is.EqualTo(new[] { "route_dept", "grid_check" }));
        Assert.That(problems.Single().Message, Does.Contain(" / route_dept → handle → grid_check: "));
    }

    //                                    ┌─lead───► route_dept ─────► join ──► close
    // report ──► route_township ──► fork ┤                             ▲
    //                                    └─assist─► grid_assist ───────┘
    [Test]
    public void A_fork_branch_that_assigns_to_grid_after_a_raise_is_a_push_down_path()
    {
        var problems = Problems(
            ["report:Start", """route_township:FakeRoute {"to":"Township"}""", """fork:Fork {"branches":["lead","assist"]}""",
             """route_dept:FakeRoute {"to":"Department"}""", """grid_assist:FakeTask {"outcomes":["done"],"queue":"Grid"}""",
             "join:Join", "close:End"],
            ["report -> route_township", "route_township -> fork", "fork.lead -> route_dept", "fork.assist -> grid_assist",
             "route_dept -> join", "grid_assist -> join", "join -> close"]);

        Assert.That(problems.Select(p => p.NodeIds), Is.EqualTo(new[] { new[] { "route_township", "grid_assist" } }));
        Assert.That(problems.Single().Message, Does.Contain(" / route_township → fork → grid_assist: "));
    }

    //                         ┌─grid────► route_grid ───────┐
    // report ──► routing ─────┼─village─► route_village ────┼──► handle ──resolved──► close
    //                         └─county──► route_county ─────┘      │ returned  ▲
    //                                                              ▼           │
    //                                          redispatch ──► reroute_county ──┘
    [Test]
    public void Routing_to_the_grid_only_before_any_raise_is_safe()
    {
        var result = Validate(Flow(
            ["report:Start", """routing:FakeTable {"outcomes":["grid","village","county"]}""",
             """route_grid:FakeRoute {"to":"Grid"}""", """route_village:FakeRoute {"to":"Village"}""", """route_county:FakeRoute {"to":"County"}""",
             """handle:FakeTask {"outcomes":["resolved","returned"]}""", """redispatch:FakeTask {"outcomes":["county"]}""",
             """reroute_county:FakeRoute {"to":"County"}""", "close:End"],
            ["report -> routing", "routing.grid -> route_grid", "routing.village -> route_village", "routing.county -> route_county",
             "route_grid -> handle", "route_village -> handle", "route_county -> handle",
             "handle.resolved -> close", "handle.returned -> redispatch", "redispatch.county -> reroute_county", "reroute_county -> handle"]));

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Compiled, Is.Not.Null);
    }

    // report ──► route_township ──► a ──► route_grid ──► close
    //                 │                      ▲
    //                 └────► b ──────────────┘
    [Test]
    public void Each_raising_and_grid_node_pair_is_reported_once_with_a_shortest_path()
    {
        var problems = Problems(
            ["report:Start", """route_township:FakeRoute {"to":"Township"}""", """a:FakeTask {"outcomes":["ok","other"]}""",
             """b:FakeTask {"outcomes":["ok"]}""", """route_grid:FakeRoute {"to":"Grid"}""", "close:End"],
            ["report -> route_township", "route_township -> a", "route_township -> b", "a.ok -> route_grid", "a.other -> b",
             "b.ok -> route_grid", "route_grid -> close"]);

        Assert.That(problems.Single().NodeIds, Is.EqualTo(new[] { "route_township", "route_grid" }));
        Assert.That(problems.Single().Message, Does.Contain(" / route_township → a → route_grid: "));
    }

    // report ──► route_county ──► route_township ──► route_grid ──► close
    [Test]
    public void Every_raising_node_before_a_grid_node_is_named_in_its_own_problem()
    {
        var problems = Problems(
            ["report:Start", """route_county:FakeRoute {"to":"County"}""", """route_township:FakeRoute {"to":"Township"}""",
             """route_grid:FakeRoute {"to":"Grid"}""", "close:End"],
            ["report -> route_county", "route_county -> route_township", "route_township -> route_grid", "route_grid -> close"]);

        Assert.That(problems.Select(p => p.NodeIds), Is.EqualTo(new[]
        {
            new[] { "route_county", "route_grid" },
            new[] { "route_township", "route_grid" },
        }));
    }

    [Test]
    public void Problems_are_sorted_the_same_whatever_the_order_of_the_document()
    {
        string[] nodes =
        [
            "report:Start", """handle:FakeTask {"outcomes":["resolved","returned"]}""", "magic:Teleport", """island:FakeTask {"outcomes":["ok"]}""",
            """route_county:FakeRoute {"to":"County"}""", """route_grid:FakeRoute {"to":"Grid"}""", "close:End",
        ];
        string[] connections =
        [
            "report -> route_county", "route_county -> route_grid", "route_grid -> handle", "handle.resolved -> close",
            "island.ok -> magic", "magic -> nowhere",
        ];

        var forwards = Problems(nodes, connections);
        var backwards = Problems(Enumerable.Reverse(nodes), Enumerable.Reverse(connections));

        Assert.That(forwards.Select(p => (p.Code, string.Join(",", p.NodeIds), p.Message)),
            Is.EqualTo(backwards.Select(p => (p.Code, string.Join(",", p.NodeIds), p.Message))));
        Assert.That(Codes(forwards), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(Codes(forwards).Distinct(), Is.EquivalentTo(new[]
        {
            ProblemCodes.DanglingConnection, ProblemCodes.PushDownPath, ProblemCodes.UnconnectedOutcome,
            ProblemCodes.UnknownType, ProblemCodes.UnreachableNode,
        }));
    }

    [Test]
    public void A_definition_with_problems_is_not_compiled()
    {
        var result = Validate(Flow(["report:Start"], []));

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Compiled, Is.Null);
    }

    // The same checks with the product's activities, where only they can say what is wrong.

    [Test]
    public void A_condition_that_does_not_parse_is_a_bad_condition()
    {
        var problems = new DefinitionValidator(DefaultActivities.Create()).Validate(Flow(
            ["report:Start", """decide:Decision {"conditions":[{"outcome":"hard","when":"difficulty >>= 3"}],"default":"easy"}""", "close:End"],
            ["report -> decide", "decide.hard -> close", "decide.easy -> close"])).Problems;

        Assert.That(Codes(problems), Is.EqualTo(new[] { ProblemCodes.BadCondition }));
        Assert.That(problems.Single().NodeIds, Is.EqualTo(new[] { "decide" }));
    }

    [Test]
    public void A_decision_table_that_misses_a_combination_without_a_default_has_a_gap()
    {
        var problems = new DefinitionValidator(DefaultActivities.Create()).Validate(Flow(
            ["report:Start",
             """routing:DecisionTable {"inputs":["difficulty"],"rows":[{"id":"easy","when":{"difficulty":"1..2"},"outcome":"grid"},{"id":"hard","when":{"difficulty":3},"outcome":"county"}]}""",
             "close:End"],
            ["report -> routing", "routing.grid -> close", "routing.county -> close"])).Problems;

        Assert.That(Codes(problems), Has.Member(ProblemCodes.TableGap));
        Assert.That(problems.Where(p => p.Code == ProblemCodes.TableGap).SelectMany(p => p.NodeIds).Distinct(), Is.EqualTo(new[] { "routing" }));
    }

    // report ──► route_county ──► check ──► close        (check: a HumanTask in the grid's own queue)
    [Test]
    public void A_grid_queue_after_a_route_to_the_county_is_a_push_down_path_with_the_product_activities()
    {
        var problems = new DefinitionValidator(DefaultActivities.Create()).Validate(Flow(
            ["report:Start", """route_county:Route {"target":{"level":"County"}}""",
             """check:HumanTask {"queue":{"level":"Grid"},"form":"check","outcomes":["ok"]}""", "close:End"],
            ["report -> route_county", "route_county -> check", "check.ok -> close"])).Problems;

        Assert.That(problems.Single().Code, Is.EqualTo(ProblemCodes.PushDownPath));
        Assert.That(problems.Single().NodeIds, Is.EqualTo(new[] { "route_county", "check" }));
    }
}
