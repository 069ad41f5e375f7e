namespace GridCase.Api.Tests.Events.Paths;

/// <summary>
/// What a handler may answer instead of "resolved" — returned, extension, parked, escalate — and the rework a
/// failed verification sends back; each path then goes on to close.
/// </summary>
public sealed class HandlingPathTests
{
    private EventDriver _driver = null!;

    [OneTimeSetUp]
    public void Start() => _driver = new EventDriver(SharedApi.Factory);

    // handle ─returned─► return_to_dispatching ─► redispatch (the centre) ─township|county|department─► reroute_* ─► handle
    // A return makes the township centre responsible, so the floor is at least the township's from then on.
    [TestCase(3, "County", EventDriver.Department, "County", "County", "county", EventDriver.County, "County")]
    [TestCase(4, "Township", EventDriver.County, "County", "County", "department", EventDriver.Department, "County")]
    [TestCase(2, "Village", EventDriver.Village, "Village", "Township", "township", EventDriver.Township, "Township")]
    [TestCase(2, "Village", EventDriver.Village, "Village", "Township", "county", EventDriver.County, "County")]
    public async Task A_returned_case_goes_back_to_the_dispatching_township_which_routes_it_again(
        int difficulty, string scope, string first, string firstFloor, string returnedFloor, string redispatch, string second, string secondFloor)
    {
        var filed = await _driver.FileAsync(difficulty, scope);
        await _driver.ExpectAsync(filed, "Dispatched", first, firstFloor);

        var returned = await _driver.CompleteAsync(filed, "handle", "returned", new { reason = "不属于本单位职责" });
        await _driver.ExpectAsync(returned, "Filed", EventDriver.Township, returnedFloor);
        Assert.That((await _driver.CaseAsync(filed.EventId)).GetProperty("returnCount").GetInt32(), Is.EqualTo(1));
        Assert.That(returned.OpenNodes, Is.EqualTo(new[] { "redispatch" }));
        Assert.That(returned.Queue("redispatch"), Is.EqualTo(EventDriver.Township));
        Assert.That(returned.Task("redispatch").GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()),
            Is.EquivalentTo(new[] { "township", "county", "department" }), "a return is never routed back to the grid");

        var rerouted = await _driver.CompleteAsync(returned, "redispatch", redispatch, new { opinion = "改派" });
        await _driver.ExpectAsync(rerouted, "Dispatched", second, secondFloor);
        Assert.That(rerouted.Queue("handle"), Is.EqualTo(second));

        var resolved = await _driver.CompleteAsync(rerouted, "handle", "resolved", new { resolution = "已处置" });
        Assert.That(resolved.Queue("verify"), Is.EqualTo(EventDriver.Township));
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        var skipped = await _driver.CompleteAsync(confirmed, "evaluate", "skipped");
        await _driver.ExpectAsync(skipped, "Closed", second, secondFloor);
        await _driver.VerifyAsync(filed.EventId);
    }

    [TestCase("township", EventDriver.Township, "Township")]
    [TestCase("county", EventDriver.County, "County")]
    [TestCase("department", EventDriver.Department, "County")]
    public async Task A_township_that_returns_a_case_it_handles_itself_may_redispatch_it_with_every_offered_outcome(
        string redispatch, string second, string secondFloor)
    {
        var filed = await _driver.FileAsync(2, "Township");
        var returned = await _driver.CompleteAsync(filed, "handle", "returned", new { reason = "需重新研判派遣" });
        Assert.That(returned.Queue("redispatch"), Is.EqualTo(EventDriver.Township));
        Assert.That(returned.ResponsibleUnit, Is.EqualTo(EventDriver.Township));

        var rerouted = await _driver.CompleteAsync(returned, "redispatch", redispatch, new { opinion = "重新派遣" });
        await _driver.ExpectAsync(rerouted, "Dispatched", second, secondFloor);
        Assert.That(rerouted.Queue("handle"), Is.EqualTo(second));

        var resolved = await _driver.CompleteAsync(rerouted, "handle", "resolved", new { resolution = "已处置" });
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        await _driver.CompleteAsync(confirmed, "evaluate", "skipped");
        await _driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task An_extension_is_approved_or_refused_by_the_dispatching_township_and_the_handler_goes_on()
    {
        var filed = await _driver.FileAsync(3, "County");

        var asked = await _driver.CompleteAsync(filed, "handle", "extension", new { hours = 24 });
        await _driver.ExpectAsync(asked, "Dispatched", EventDriver.Department, "County");
        Assert.That(asked.OpenNodes, Is.EqualTo(new[] { "extension_approval" }));
        Assert.That(asked.Queue("extension_approval"), Is.EqualTo(EventDriver.Township));

        var approved = await _driver.CompleteAsync(asked, "extension_approval", "approved");
        await _driver.ExpectAsync(approved, "Dispatched", EventDriver.Department, "County");
        Assert.That(approved.Queue("handle"), Is.EqualTo(EventDriver.Department));
        var extended = await _driver.CaseAsync(filed.EventId);
        Assert.That(extended.GetProperty("extensionCount").GetInt32(), Is.EqualTo(1));
        Assert.That(extended.GetProperty("extraHours").GetInt32(), Is.EqualTo(24));
        var dueBefore = filed.Task("handle").GetProperty("dueAt").GetDateTime();
        var dueAfter = approved.Task("handle").GetProperty("dueAt").GetDateTime();

        var askedAgain = await _driver.CompleteAsync(approved, "handle", "extension", new { hours = 8 });
        var refused = await _driver.CompleteAsync(askedAgain, "extension_approval", "refused", new { opinion = "时限充足，请按期办结" });
        await _driver.ExpectAsync(refused, "Dispatched", EventDriver.Department, "County");
        Assert.That(refused.Queue("handle"), Is.EqualTo(EventDriver.Department));
        Assert.That((await _driver.CaseAsync(filed.EventId)).GetProperty("extensionCount").GetInt32(), Is.EqualTo(1), "a refused extension is not counted");

        var resolved = await _driver.CompleteAsync(refused, "handle", "resolved", new { resolution = "已处置" });
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        var evaluated = await _driver.CompleteAsync(confirmed, "evaluate", "evaluated", new { satisfaction = 4 });
        await _driver.ExpectAsync(evaluated, "Closed", EventDriver.Department, "County");
        var journal = await _driver.VerifyAsync(filed.EventId);
        var decisions = journal.Where(e => e.GetProperty("kind").GetString() == "TaskCompleted" && e.GetProperty("nodeId").GetString() == "extension_approval")
            .Select(e => e.GetProperty("data").GetProperty("outcome").GetString());
        Assert.That(decisions, Is.EqualTo(new[] { "approved", "refused" }));

        // The handling clock stops while the extension is decided and comes back with the 24 approved working
        // hours added (24 working hours are at least 24 hours).
        Assert.That(dueAfter, Is.GreaterThanOrEqualTo(dueBefore.AddHours(24)), "the approved 24 working hours extend the deadline");
    }

    [Test]
    public async Task A_parked_case_stops_until_the_dispatching_township_resumes_it()
    {
        var filed = await _driver.FileAsync(3, "County");

        var parked = await _driver.CompleteAsync(filed, "handle", "parked", new { explanation = "涉及历史遗留问题，需待上级政策明确" });
        await _driver.ExpectAsync(parked, "Parked", EventDriver.Department, "County");
        Assert.That(parked.OpenNodes, Is.EqualTo(new[] { "parked" }));
        Assert.That(parked.Queue("parked"), Is.EqualTo(EventDriver.Township));
        Assert.That(parked.Task("parked").GetProperty("dueAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "the clock stops while parked");
        var file = await _driver.CaseAsync(filed.EventId);
        Assert.That(file.GetProperty("parkExplanation").GetString(), Is.EqualTo("涉及历史遗留问题，需待上级政策明确"));
        Assert.That(file.GetProperty("parkedAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.String));

        var resumed = await _driver.CompleteAsync(parked, "parked", "resume");
        await _driver.ExpectAsync(resumed, "Dispatched", EventDriver.Department, "County");
        Assert.That(resumed.Queue("handle"), Is.EqualTo(EventDriver.Department));
        Assert.That((await _driver.CaseAsync(filed.EventId)).GetProperty("parkedAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));

        var resolved = await _driver.CompleteAsync(resumed, "handle", "resolved", new { resolution = "政策明确后已处置" });
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        var skipped = await _driver.CompleteAsync(confirmed, "evaluate", "skipped");
        await _driver.ExpectAsync(skipped, "Closed", EventDriver.Department, "County");
        await _driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task A_parked_case_can_be_closed_as_parked()
    {
        var filed = await _driver.FileAsync(2, "Township");
        var parked = await _driver.CompleteAsync(filed, "handle", "parked", new { explanation = "暂不具备处置条件" });
        await _driver.ExpectAsync(parked, "Parked", EventDriver.Township, "Township");

        var closed = await _driver.CompleteAsync(parked, "parked", "close-parked", new { opinion = "挂账结案，纳入台账管理" });
        await _driver.ExpectAsync(closed, "Closed", EventDriver.Township, "Township");
        Assert.That(closed.OpenTasks, Is.Empty);
        Assert.That((await _driver.ReplayAsync(filed.EventId)).GetProperty("closureCode").GetString(), Is.EqualTo("parked"));
        Assert.That((await _driver.CaseAsync(filed.EventId)).GetProperty("closureCode").GetString(), Is.EqualTo("Parked"));
        await _driver.VerifyAsync(filed.EventId);
    }

    // handle ─escalate─► escalate (one level up) ─► handle
    [TestCase(1, "Grid", EventDriver.Grid, "Grid", EventDriver.Village, "Village")]
    [TestCase(2, "Village", EventDriver.Village, "Village", EventDriver.Township, "Township")]
    [TestCase(2, "Township", EventDriver.Township, "Township", EventDriver.County, "County")]
    public async Task An_escalated_case_moves_one_level_up_and_is_still_verified_by_the_dispatching_township(
        int difficulty, string scope, string from, string fromFloor, string to, string toFloor)
    {
        var filed = await _driver.FileAsync(difficulty, scope);
        await _driver.ExpectAsync(filed, "Dispatched", from, fromFloor);

        var escalated = await _driver.CompleteAsync(filed, "handle", "escalate", new { reason = "超出本级处置能力" });
        await _driver.ExpectAsync(escalated, "Dispatched", to, toFloor);
        Assert.That(escalated.OpenNodes, Is.EqualTo(new[] { "handle" }));
        Assert.That(escalated.Queue("handle"), Is.EqualTo(to));
        Assert.That(escalated.JournalKinds, Does.Contain("Escalated"));

        var resolved = await _driver.CompleteAsync(escalated, "handle", "resolved", new { resolution = "上级已处置" });
        await _driver.ExpectAsync(resolved, "AwaitingVerification", to, toFloor);
        Assert.That(resolved.Queue("verify"), Is.EqualTo(EventDriver.Township), "verification is the dispatching centre's, not the escalating handler's");
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        var skipped = await _driver.CompleteAsync(confirmed, "evaluate", "skipped");
        await _driver.ExpectAsync(skipped, "Closed", to, toFloor);
        await _driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task A_failed_verification_sends_the_case_back_to_the_same_handler_for_rework()
    {
        var filed = await _driver.FileAsync(3, "County");
        var resolved = await _driver.CompleteAsync(filed, "handle", "resolved", new { resolution = "已处置" });
        await _driver.ExpectAsync(resolved, "AwaitingVerification", EventDriver.Department, "County");

        var rework = await _driver.CompleteAsync(resolved, "verify", "rework", new { opinion = "现场仍有焚烧痕迹，请返工" });
        await _driver.ExpectAsync(rework, "Dispatched", EventDriver.Department, "County");
        Assert.That(rework.OpenNodes, Is.EqualTo(new[] { "handle" }));
        Assert.That(rework.Queue("handle"), Is.EqualTo(EventDriver.Department));
        Assert.That((await _driver.CaseAsync(filed.EventId)).GetProperty("reworkCount").GetInt32(), Is.EqualTo(1));

        var resolvedAgain = await _driver.CompleteAsync(rework, "handle", "resolved", new { resolution = "已彻底清理" });
        await _driver.ExpectAsync(resolvedAgain, "AwaitingVerification", EventDriver.Department, "County");
        var confirmed = await _driver.CompleteAsync(resolvedAgain, "verify", "confirmed");
        var evaluated = await _driver.CompleteAsync(confirmed, "evaluate", "evaluated", new { satisfaction = 3 });
        await _driver.ExpectAsync(evaluated, "Closed", EventDriver.Department, "County");
        var journal = await _driver.VerifyAsync(filed.EventId);
        Assert.That(journal.Count(e => e.GetProperty("kind").GetString() == "TaskOpened" && e.GetProperty("nodeId").GetString() == "handle"), Is.EqualTo(2));
    }
}
