using System.Net;
using System.Net.Http.Json;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;

namespace GridCase.Api.Tests.Events.V2;

/// <summary>
/// Every new path of event-handling v2 over HTTP, as the demo users walk it, on SQLite and on PostgreSQL: graded
/// acceptance by channel, 即办, correcting a wrong grid or village, reclassification, a return to another department,
/// 督办 and 催办 issued by a centre, separate verification, parallel joint handling and the grid member's on-site check.
/// Overdue supervision runs on a hand-moved clock in <see cref="OverdueSupervisionTests"/>.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
public sealed class EventHandlingV2Tests(string provider)
{
    private GridCaseApiFactory? _factory;
    private V2Driver _v2 = null!;

    private EventDriver Driver => _v2.Driver;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = await GridCaseApiFactory.OnAsync(provider, "gridcase_v2", GridCaseApiFactory.Latest);
        _v2 = new V2Driver(new EventDriver(_factory));
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
    public async Task Patrol_reports_are_triaged_by_the_township_and_hotline_superior_and_department_reports_by_the_county()
    {
        var patrol = await _v2.ReportAsync();
        Assert.That((patrol.OpenNodes, patrol.Queue("triage")), Is.EqualTo((new[] { "triage" }, EventDriver.Township)));

        foreach (var channel in new[] { "Hotline12345", "Superior", "Department" })
        {
            var reported = await _v2.ReportAsync(channel, V2Driver.CountyDispatcher);
            Assert.That((reported.OpenNodes, reported.Queue("triage_county")), Is.EqualTo((new[] { "triage_county" }, EventDriver.County)), channel);
            var filed = await _v2.CompleteAsync(V2Driver.CountyDispatcher, reported, "triage_county", "filed", new { difficulty = 2, scope = "County" });
            await Driver.ExpectAsync(filed, "Dispatched", EventDriver.Department, "County");
            Assert.That((await Driver.CaseAsync(reported.EventId)).GetProperty("dispatchingUnit").GetString(), Is.EqualTo(EventDriver.County));
            await Driver.VerifyAsync(reported.EventId);
        }
    }

    [Test]
    public async Task The_county_centre_claims_a_township_triage_and_the_township_cannot_take_a_county_one()
    {
        var patrol = await _v2.ReportAsync();
        var claimed = await _v2.PostAsync(V2Driver.CountyDispatcher, $"/api/tasks/{patrol.TaskId("triage")}/claim", new { });
        Assert.That(claimed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await claimed.Content.ReadAsStringAsync());
        var byTownship = await _v2.PostCompleteAsync(V2Driver.TownshipDispatcher, patrol, "triage", "filed", new { difficulty = 2, scope = "Township" });
        Assert.That(byTownship.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "claimed by the county");

        var filed = await _v2.CompleteAsync(V2Driver.CountyDispatcher, patrol, "triage", "filed", new { difficulty = 2, scope = "Township" });

        await Driver.ExpectAsync(filed, "Dispatched", EventDriver.Township, "Township");
        Assert.That((await Driver.CaseAsync(patrol.EventId)).GetProperty("dispatchingUnit").GetString(), Is.EqualTo(EventDriver.County));
        var hotline = await _v2.ReportAsync("Hotline12345", V2Driver.CountyDispatcher);
        var upward = await _v2.PostAsync(V2Driver.TownshipDispatcher, $"/api/tasks/{hotline.TaskId("triage_county")}/claim", new { });
        Assert.That(upward.StatusCode, Is.AnyOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound));
        var journal = await Driver.VerifyAsync(patrol.EventId);
        Assert.That(journal.Single(e => e.GetProperty("kind").GetString() == "TaskClaimed").GetProperty("actor").GetProperty("userId").GetString(),
            Is.EqualTo(V2Driver.CountyDispatcher));
    }

    [Test]
    public async Task A_case_handled_on_the_spot_goes_straight_to_township_verification_and_never_back_to_the_grid_member()
    {
        var reported = await _v2.ReportAsync(extra: new { handledOnSite = true, resolution = "已当场劝离占道摊贩并清扫" });

        Assert.That(reported.Status, Is.EqualTo("AwaitingVerification"));
        Assert.That((reported.OpenNodes, reported.Queue("verify_onsite")), Is.EqualTo((new[] { "verify_onsite" }, EventDriver.Township)));
        var confirmed = await _v2.CompleteAsync(V2Driver.TownshipDispatcher, reported, "verify_onsite", "confirmed");
        var file = await Driver.CaseAsync(reported.EventId);
        Assert.That(confirmed.Status, Is.EqualTo("Closed"));
        Assert.That(confirmed.OpenNodes, Is.EqualTo(new[] { "evaluate" }));
        Assert.That(file.GetProperty("handledOnSite").GetBoolean(), Is.True);
        Assert.That(file.GetProperty("closureCode").GetString(), Is.EqualTo("Resolved"));
        Assert.That(file.GetProperty("resolutionNote").GetString(), Is.EqualTo("已当场劝离占道摊贩并清扫"));
        var journal = await Driver.VerifyAsync(reported.EventId);
        Assert.That(journal.Where(e => e.GetProperty("kind").GetString() == "TaskOpened").Select(e => e.GetProperty("data").GetProperty("queue").GetString()),
            Has.None.EqualTo(EventDriver.Grid));
    }

    [Test]
    public async Task An_on_the_spot_resolution_found_wanting_goes_to_triage_and_no_longer_counts_as_handled_on_the_spot()
    {
        var reported = await _v2.ReportAsync(extra: new { handledOnSite = true, resolution = "已清理" });

        var reopened = await _v2.CompleteAsync(V2Driver.TownshipDispatcher, reported, "verify_onsite", "reopen", new { opinion = "现场仍有垃圾" });

        Assert.That((reopened.Status, reopened.OpenNodes), Is.EqualTo(("Reported", new[] { "triage" })));
        Assert.That((await Driver.CaseAsync(reported.EventId)).GetProperty("handledOnSite").GetBoolean(), Is.False);
        await Driver.VerifyAsync(reported.EventId);
    }

    [Test]
    public async Task Only_a_grid_member_reports_on_the_spot_and_only_with_what_was_done()
    {
        var before = await Driver.CountAsync();

        var byDispatcher = await _v2.PostAsync(V2Driver.CountyDispatcher, "/api/events",
            V2Driver.Merge(await Driver.ReportBodyAsync(), new { handledOnSite = true, resolution = "已处置" }));
        var withoutResolution = await _v2.PostAsync(EventDriver.GridMember, "/api/events",
            V2Driver.Merge(await Driver.ReportBodyAsync(), new { handledOnSite = true }));

        var problem = await EventDriver.ProblemAsync(byDispatcher, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("handledOnSite", out _), Is.True, problem.ToString());
        problem = await EventDriver.ProblemAsync(withoutResolution, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("resolution", out _), Is.True, problem.ToString());
        Assert.That(await Driver.CountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_case_reported_in_the_wrong_grid_moves_to_the_right_one_and_is_triaged_to_that_village()
    {
        var reported = await _v2.ReportAsync();

        var relocated = await _v2.ActAsync(V2Driver.TownshipDispatcher, reported.EventId, "relocate", new { gridCode = V2Driver.OtherVillageGrid, reason = "上报网格有误" });
        var filed = await _v2.CompleteAsync(V2Driver.TownshipDispatcher, reported, "triage", "filed", new { difficulty = 1, scope = "Village" });

        Assert.That(relocated.ResponsibleUnit, Is.EqualTo(V2Driver.OtherVillageGrid));
        await Driver.ExpectAsync(filed, "Dispatched", V2Driver.OtherVillage, "Village");
        Assert.That((await Driver.CaseAsync(reported.EventId)).GetProperty("gridCode").GetString(), Is.EqualTo(V2Driver.OtherVillageGrid));
        Assert.That(filed.Queue("handle"), Is.EqualTo(V2Driver.OtherVillage));
        var journal = await Driver.VerifyAsync(reported.EventId);
        var entry = journal.Single(e => e.GetProperty("kind").GetString() == "Relocated");
        Assert.That(entry.GetProperty("actor").GetProperty("userId").GetString(), Is.EqualTo(V2Driver.TownshipDispatcher));
    }

    [Test]
    public async Task A_case_a_department_is_handling_cannot_move_to_another_grid()
    {
        var filed = await _v2.FileAsync(2, "County");
        var before = (await Driver.JournalAsync(filed.EventId)).Count;

        var refused = await _v2.PostAsync(V2Driver.TownshipDispatcher, $"/api/events/{filed.EventId}/relocate", new { gridCode = V2Driver.OtherVillageGrid, reason = "上报网格有误" });

        var problem = await EventDriver.ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("no-push-down"));
        Assert.That((await Driver.CaseAsync(filed.EventId)).GetProperty("gridCode").GetString(), Is.EqualTo(EventDriver.Grid));
        Assert.That((await Driver.JournalAsync(filed.EventId)).Count, Is.EqualTo(before));
    }

    [Test]
    public async Task A_case_a_village_returns_is_moved_to_the_right_grid_and_sent_to_that_village_by_the_township()
    {
        var filed = await _v2.FileAsync(1, "Village");
        await Driver.ExpectAsync(filed, "Dispatched", EventDriver.Village, "Village");

        var returned = await _v2.CompleteAsync(V2Driver.VillageHandler, filed, "handle", "returned", new { reason = "事发地不属本村" });
        Assert.That((returned.OpenNodes, returned.Queue("redispatch")), Is.EqualTo((new[] { "redispatch" }, EventDriver.Township)));
        var relocated = await _v2.ActAsync(V2Driver.TownshipDispatcher, filed.EventId, "relocate", new { gridCode = V2Driver.OtherVillageGrid, reason = "事发地在西关村" });
        Assert.That(relocated.ResponsibleUnit, Is.EqualTo(EventDriver.Township), "back with the centre, which now sends it on");
        var rerouted = await _v2.CompleteAsync(V2Driver.TownshipDispatcher, returned, "redispatch", "assign", new { targetUnit = V2Driver.OtherVillage });

        await Driver.ExpectAsync(rerouted, "Dispatched", V2Driver.OtherVillage, "Township");
        Assert.That(rerouted.Queue("handle"), Is.EqualTo(V2Driver.OtherVillage));
        await Driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task Triage_can_change_the_catalogue_item_until_the_case_is_dispatched()
    {
        var reported = await _v2.ReportAsync();
        var other = await OtherItemAsync();

        await _v2.ActAsync(V2Driver.TownshipDispatcher, reported.EventId, "reclassify", new { catalogueItemCode = other, reason = "实为占道经营" });
        var filed = await _v2.CompleteAsync(V2Driver.TownshipDispatcher, reported, "triage", "filed", new { difficulty = 2, scope = "Township" });
        var late = await _v2.PostAsync(V2Driver.TownshipDispatcher, $"/api/events/{reported.EventId}/reclassify", new { catalogueItemCode = await Driver.ItemAsync(), reason = "改回" });

        Assert.That((await Driver.CaseAsync(reported.EventId)).GetProperty("catalogueItemCode").GetString(), Is.EqualTo(other));
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var journal = await Driver.VerifyAsync(filed.EventId);
        var entry = journal.Single(e => e.GetProperty("kind").GetString() == "Reclassified");
        Assert.That(entry.GetProperty("data").GetProperty("toItem").GetString(), Is.EqualTo(other));
    }

    [Test]
    public async Task A_department_that_returns_a_case_is_not_given_it_again_unless_the_centre_says_why()
    {
        var filed = await _v2.FileAsync(2, "County");
        await Driver.ExpectAsync(filed, "Dispatched", EventDriver.Department, "County");
        var returned = await _v2.CompleteAsync(V2Driver.DepartmentHandler, filed, "handle", "returned", new { reason = "不属本部门职责" });
        var before = (await Driver.JournalAsync(filed.EventId)).Count;

        var same = await _v2.PostCompleteAsync(V2Driver.TownshipDispatcher, returned, "redispatch", "assign", new { targetUnit = EventDriver.Department });
        var problem = await EventDriver.ProblemAsync(same, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").GetProperty("targetUnit")[0].GetString(), Does.Contain("redispatchReason"), problem.ToString());
        Assert.That((await Driver.JournalAsync(filed.EventId)).Count, Is.EqualTo(before), "nothing written");
        var other = await _v2.CompleteAsync(V2Driver.TownshipDispatcher, returned, "redispatch", "assign", new { targetUnit = V2Driver.Police });

        await Driver.ExpectAsync(other, "Dispatched", V2Driver.Police, "County");
        Assert.That(other.Queue("handle"), Is.EqualTo(V2Driver.Police));
        var back = await _v2.CompleteAsync("h" + V2Driver.Police, other, "handle", "returned", new { reason = "应由环保牵头" });
        var withReason = await _v2.CompleteAsync(V2Driver.TownshipDispatcher, back, "redispatch", "assign",
            new { targetUnit = V2Driver.Police, redispatchReason = "经会商，仍由公安处置" });
        await Driver.ExpectAsync(withReason, "Dispatched", V2Driver.Police, "County");
        await Driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task The_county_issues_supervision_and_urges_without_taking_the_case_over()
    {
        var filed = await _v2.FileAsync(2, "Township");

        await _v2.ActAsync(V2Driver.CountyDispatcher, filed.EventId, "supervision", new { note = "群众反映强烈，请今日办结" });
        await _v2.ActAsync(V2Driver.CountyDispatcher, filed.EventId, "urge", new { note = "请加快办理" });
        var self = await _v2.PostAsync(V2Driver.TownshipDispatcher, $"/api/events/{filed.EventId}/supervision", new { note = "自我督办" });
        var byHandler = await _v2.PostAsync(V2Driver.TownshipHandler, $"/api/events/{filed.EventId}/urge", new { note = "催" });

        var file = await Driver.CaseAsync(filed.EventId);
        Assert.That(file.GetProperty("responsibleUnit").GetString(), Is.EqualTo(EventDriver.Township));
        Assert.That(file.GetProperty("supervisedBy").GetString(), Is.EqualTo(EventDriver.County));
        Assert.That(file.GetProperty("underSupervision").GetBoolean(), Is.True);
        Assert.That((await _v2.Driver.NowAsync(filed.EventId)).Queue("handle"), Is.EqualTo(EventDriver.Township));
        Assert.That((await EventDriver.ProblemAsync(self, HttpStatusCode.Conflict)).GetProperty("type").GetString(), Does.EndWith("supervision-level"));
        Assert.That(byHandler.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var journal = await Driver.VerifyAsync(filed.EventId);
        var urged = journal.Single(e => e.GetProperty("kind").GetString() == "Urged");
        Assert.That(urged.GetProperty("actor").GetProperty("userId").GetString(), Is.EqualTo(V2Driver.CountyDispatcher));
        Assert.That(journal.Select(e => e.GetProperty("kind").GetString()), Has.None.EqualTo("Escalated"));
    }

    [Test]
    public async Task Whoever_handled_a_case_cannot_verify_it_and_the_refusal_names_the_rule()
    {
        var filed = await _v2.FileAsync(2, "Township");
        var resolved = await _v2.CompleteAsync(V2Driver.TownshipDispatcher, filed, "handle", "resolved", new { resolution = "已清理" });
        var before = (await Driver.JournalAsync(filed.EventId)).Count;

        var refused = await _v2.PostCompleteAsync(V2Driver.TownshipDispatcher, resolved, "verify", "confirmed");
        var problem = await EventDriver.ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("separation-of-duties"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("监管分离"));
        Assert.That((await Driver.JournalAsync(filed.EventId)).Count, Is.EqualTo(before));

        var confirmed = await _v2.CompleteAsync(V2Driver.TownshipHandler, resolved, "verify", "confirmed");
        await Driver.ExpectAsync(confirmed, "Closed", EventDriver.Township, "Township");
        await Driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task The_lead_and_two_named_assisting_departments_work_in_parallel_and_verification_waits_for_all()
    {
        var filed = await _v2.FileAsync(2, "CrossDepartment", new { assistingDepartments = new[] { V2Driver.Police, V2Driver.Emergency } });

        Assert.That(filed.OpenNodes, Is.EqualTo(new[] { "assist", "assist", "handle_joint" }));
        Assert.That(filed.OpenTasks.Where(t => t.GetProperty("nodeId").GetString() == "assist").Select(t => t.GetProperty("queue").GetString()),
            Is.EquivalentTo(new[] { V2Driver.Police, V2Driver.Emergency }));
        Assert.That(filed.Queue("handle_joint"), Is.EqualTo(EventDriver.Department));
        var step = await CompleteAtAsync(filed, "assist", V2Driver.Police, "assisted", new { opinion = "已派警维持秩序" });
        Assert.That(step.OpenNodes, Is.EqualTo(new[] { "assist", "handle_joint" }));
        step = await _v2.CompleteAsync(V2Driver.DepartmentHandler, step, "handle_joint", "resolved", new { resolution = "已牵头清理污染" });
        Assert.That(step.OpenNodes, Is.EqualTo(new[] { "assist" }), "verification waits for the last assisting department");
        step = await CompleteAtAsync(step, "assist", V2Driver.Emergency, "assisted", new { opinion = "已排查隐患" });

        Assert.That((step.OpenNodes, step.Queue("verify")), Is.EqualTo((new[] { "verify" }, EventDriver.Township)));
        var confirmed = await _v2.CompleteAsync(V2Driver.TownshipDispatcher, step, "verify", "confirmed");
        Assert.That(confirmed.Status, Is.EqualTo("Closed"));
        await Driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task An_assisting_department_that_does_not_exist_is_a_field_error_not_a_broken_case()
    {
        var reported = await _v2.ReportAsync();

        var refused = await _v2.PostCompleteAsync(V2Driver.TownshipDispatcher, reported, "triage", "filed",
            new { difficulty = 2, scope = "CrossDepartment", assistingDepartments = new[] { "140521XX" } });

        var problem = await EventDriver.ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("assistingDepartments", out _), Is.True, problem.ToString());
        Assert.That((await _v2.Driver.NowAsync(reported.EventId)).OpenNodes, Is.EqualTo(new[] { "triage" }));
    }

    [Test]
    public async Task The_grid_member_checks_on_site_after_the_township_handled_the_case()
    {
        var filed = await _v2.FileAsync(2, "Township");
        var resolved = await _v2.CompleteAsync(V2Driver.TownshipHandler, filed, "handle", "resolved", new { resolution = "已修复井盖" });

        var asked = await _v2.CompleteAsync(V2Driver.TownshipDispatcher, resolved, "verify", "check");
        Assert.That((asked.OpenNodes, asked.Queue("onsite_check")), Is.EqualTo((new[] { "onsite_check" }, EventDriver.Grid)));
        var passed = await _v2.CompleteAsync(EventDriver.GridMember, asked, "onsite_check", "passed", new { finding = "现场已修复，通行正常" });
        Assert.That(passed.OpenNodes, Is.EqualTo(new[] { "verify" }));
        var confirmed = await _v2.CompleteAsync(V2Driver.TownshipDispatcher, passed, "verify", "confirmed");

        await Driver.ExpectAsync(confirmed, "Closed", EventDriver.Township, "Township");
        var journal = await Driver.VerifyAsync(filed.EventId);
        var check = journal.Single(e => e.GetProperty("kind").GetString() == "TaskOpened" && e.GetProperty("nodeId").GetString() == "onsite_check");
        Assert.That(check.GetProperty("data").GetProperty("purpose").GetString(), Is.EqualTo("Check").IgnoreCase);
    }

    private async Task<EventStep> CompleteAtAsync(EventStep at, string nodeId, string queue, string outcome, object data)
    {
        var task = at.OpenTasks.Single(t => t.GetProperty("nodeId").GetString() == nodeId && t.GetProperty("queue").GetString() == queue);
        var client = await Driver.ClientAsync("h" + queue);
        var response = await client.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete", new { outcome, data });
        return new EventStep(await EventDriver.JsonAsync(response, HttpStatusCode.OK));
    }

    private async Task<string> OtherItemAsync()
    {
        var client = await Driver.ClientAsync(V2Driver.TownshipDispatcher);
        var catalogue = await EventDriver.JsonAsync(await client.GetAsync("/api/catalogue?county=" + EventDriver.County), HttpStatusCode.OK);
        var current = await Driver.ItemAsync();
        return catalogue.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("code").GetString()!).First(code => code != current);
    }
}
