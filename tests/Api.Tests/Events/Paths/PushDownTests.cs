using System.Net;

namespace GridCase.Api.Tests.Events.Paths;

/// <summary>
/// The no-push-down rule at the API: once a case has reached the township, the county or a department, a
/// dispatcher's manual reassignment to a grid is refused (409, recorded); a reassignment upward goes through.
/// </summary>
public sealed class PushDownTests
{
    private EventDriver _driver = null!;

    [OneTimeSetUp]
    public void Start() => _driver = new EventDriver(SharedApi.Factory);

    [TestCase(4, "County", "d" + EventDriver.County, EventDriver.Grid, EventDriver.County, "County")]
    [TestCase(4, "County", "d" + EventDriver.County, "140521100002001", EventDriver.County, "County")]
    [TestCase(2, "Township", "d" + EventDriver.Township, EventDriver.Grid, EventDriver.Township, "Township")]
    [TestCase(3, "County", "d" + EventDriver.Township, EventDriver.Grid, EventDriver.Department, "County")]
    public async Task Reassigning_a_case_at_the_township_or_above_to_a_grid_is_refused_recorded_and_changes_nothing(
        int difficulty, string scope, string dispatcher, string grid, string responsible, string floor)
    {
        var filed = await _driver.FileAsync(difficulty, scope);
        var before = await _driver.JournalAsync(filed.EventId);
        var fileBefore = await _driver.CaseAsync(filed.EventId);

        var refused = await _driver.ReassignAsync(filed.EventId, dispatcher, grid, "交网格员就地处置");

        var problem = await EventDriver.ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("no-push-down"));
        var added = (await _driver.JournalAsync(filed.EventId)).Skip(before.Count).ToList();
        Assert.That(added.Select(e => e.GetProperty("kind").GetString()), Is.EqualTo(new[] { "Reassigned", "EscalationBlocked" }));
        Assert.That(added.Select(e => e.GetProperty("actor").GetProperty("userId").GetString()), Is.All.EqualTo(dispatcher));
        Assert.That(added[1].GetProperty("rule").GetString(), Is.EqualTo("no-push-down"));
        Assert.That(added[1].GetProperty("data").GetProperty("target").GetString(), Is.EqualTo(grid));
        await _driver.ExpectAsync(filed, "Dispatched", responsible, floor);
        Assert.That((await _driver.CaseAsync(filed.EventId)).ToString(), Is.EqualTo(fileBefore.ToString()), "the case file is unchanged");

        // The handling task stayed where it was: the responsible unit works it and the case file agrees.
        var resolved = await _driver.CompleteAsync(filed, "handle", "resolved", new { resolution = "已处置" });
        await _driver.ExpectAsync(resolved, "AwaitingVerification", responsible, floor);
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        await _driver.CompleteAsync(confirmed, "evaluate", "skipped");
        await _driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task After_a_refused_push_down_the_county_can_still_reassign_the_case_up_to_the_city()
    {
        var filed = await _driver.FileAsync(4, "County");
        await EventDriver.ProblemAsync(await _driver.ReassignAsync(filed.EventId, "d" + EventDriver.County, EventDriver.Grid), HttpStatusCode.Conflict);

        var up = new EventStep(await EventDriver.JsonAsync(
            await _driver.ReassignAsync(filed.EventId, "d" + EventDriver.County, EventDriver.City, "涉及跨县协调，报市级处置"), HttpStatusCode.OK));

        await _driver.ExpectAsync(up, "Dispatched", EventDriver.City, "City");
        Assert.That(up.Queue("handle"), Is.EqualTo(EventDriver.City));
        Assert.That(up.JournalKinds, Is.EqualTo(new[] { "Reassigned", "Routed", "TaskRequeued" }));
        await _driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task A_township_reassigns_its_case_up_to_the_county_which_then_handles_it()
    {
        var filed = await _driver.FileAsync(2, "Township");

        var up = new EventStep(await EventDriver.JsonAsync(
            await _driver.ReassignAsync(filed.EventId, "d" + EventDriver.Township, EventDriver.County, "需县级统筹"), HttpStatusCode.OK));
        await _driver.ExpectAsync(up, "Dispatched", EventDriver.County, "County");
        Assert.That(up.Queue("handle"), Is.EqualTo(EventDriver.County));

        var resolved = await _driver.CompleteAsync(up, "handle", "resolved", new { resolution = "县级已处置" });
        await _driver.ExpectAsync(resolved, "AwaitingVerification", EventDriver.County, "County");
        Assert.That(resolved.Queue("verify"), Is.EqualTo(EventDriver.Township));
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        var skipped = await _driver.CompleteAsync(confirmed, "evaluate", "skipped");
        await _driver.ExpectAsync(skipped, "Closed", EventDriver.County, "County");
        await _driver.VerifyAsync(filed.EventId);
    }
}
