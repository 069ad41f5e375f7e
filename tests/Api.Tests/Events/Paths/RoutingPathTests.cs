namespace GridCase.Api.Tests.Events.Paths;

/// <summary>
/// Filing routes the case by the v1 decision table (difficulty × scope) to the grid, the village, the township,
/// the county or the owning department, and the case goes round the loop from there.
/// </summary>
public sealed class RoutingPathTests
{
    private EventDriver _driver = null!;

    [OneTimeSetUp]
    public void Start() => _driver = new EventDriver(SharedApi.Factory);

    [TestCase(1, "Grid", "grid-small", EventDriver.Grid, "Grid")]
    [TestCase(2, "Grid", "grid-small", EventDriver.Grid, "Grid")]
    [TestCase(2, "Village", "village-small", EventDriver.Village, "Village")]
    [TestCase(3, "Grid", "local-hard", EventDriver.Township, "Township")]
    [TestCase(4, "Village", "local-hard", EventDriver.Township, "Township")]
    [TestCase(2, "Township", "township", EventDriver.Township, "Township")]
    [TestCase(4, "Township", "township-major", EventDriver.County, "County")]
    [TestCase(3, "County", "county-department", EventDriver.Department, "County")]
    [TestCase(4, "County", "county-major", EventDriver.County, "County")]
    public async Task A_filed_case_is_handled_where_the_routing_table_sends_it_and_verified_by_the_township(
        int difficulty, string scope, string row, string responsible, string floor)
    {
        var filed = await _driver.FileAsync(difficulty, scope);
        await _driver.ExpectAsync(filed, "Dispatched", responsible, floor);
        Assert.That(filed.OpenNodes, Is.EqualTo(new[] { "handle" }));
        Assert.That(filed.Queue("handle"), Is.EqualTo(responsible));
        var routed = (await _driver.JournalAsync(filed.EventId)).Single(e => e.GetProperty("kind").GetString() == "Routed");
        Assert.That(routed.GetProperty("rule").GetString(), Is.EqualTo("table:routing:" + row));

        var resolved = await _driver.CompleteAsync(filed, "handle", "resolved", new { resolution = "已现场处置完毕" });
        await _driver.ExpectAsync(resolved, "AwaitingVerification", responsible, floor);
        Assert.That(resolved.Queue("verify"), Is.EqualTo(EventDriver.Township));

        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        await _driver.ExpectAsync(confirmed, "Closed", responsible, floor);
        Assert.That(confirmed.Queue("evaluate"), Is.EqualTo(EventDriver.Township));

        var evaluated = await _driver.CompleteAsync(confirmed, "evaluate", "evaluated", new { satisfaction = 5 });
        Assert.That(evaluated.OpenTasks, Is.Empty);
        Assert.That((await _driver.ReplayAsync(filed.EventId)).GetProperty("closureCode").GetString(), Is.EqualTo("resolved"));
        await _driver.VerifyAsync(filed.EventId);
    }

    // triage ─filed(CrossDepartment)─► routing ─cross─► cross_fork ─┬─lead───► cross_lead (owning department) ─┬─► cross_join ─► handle
    //                                                               └─assist─► cross_assist (county centre) ───┘
    [Test]
    public async Task A_cross_department_case_waits_for_the_assisting_county_centre_before_the_lead_department_handles_it()
    {
        var filed = await _driver.FileAsync(3, "CrossDepartment");
        await _driver.ExpectAsync(filed, "Dispatched", EventDriver.Department, "County");
        Assert.That(filed.OpenNodes, Is.EqualTo(new[] { "cross_assist" }));
        Assert.That(filed.Queue("cross_assist"), Is.EqualTo(EventDriver.County));
        Assert.That(filed.JournalKinds, Does.Contain("JoinWaiting"));

        var assisted = await _driver.CompleteAsync(filed, "cross_assist", "assisted", new { opinion = "县指挥中心已协调公安、城管配合" });
        await _driver.ExpectAsync(assisted, "Dispatched", EventDriver.Department, "County");
        Assert.That(assisted.OpenNodes, Is.EqualTo(new[] { "handle" }));
        Assert.That(assisted.Queue("handle"), Is.EqualTo(EventDriver.Department));

        var resolved = await _driver.CompleteAsync(assisted, "handle", "resolved", new { resolution = "联合执法，已处置" });
        await _driver.ExpectAsync(resolved, "AwaitingVerification", EventDriver.Department, "County");
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        var skipped = await _driver.CompleteAsync(confirmed, "evaluate", "skipped");
        await _driver.ExpectAsync(skipped, "Closed", EventDriver.Department, "County");
        Assert.That(skipped.OpenTasks, Is.Empty);
        await _driver.VerifyAsync(filed.EventId);
    }
}
