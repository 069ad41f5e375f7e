using System.Net;

namespace GridCase.Api.Tests.Events.Paths;

/// <summary>
/// A dispatcher reassigns within its own area, or one step up to the centre directly above it (上报); anything else
/// is 403 naming the rule, and the case and its journal stay as they were.
/// </summary>
public sealed class ReassignAreaTests
{
    private EventDriver _driver = null!;

    [OneTimeSetUp]
    public void Start() => _driver = new EventDriver(SharedApi.Factory);

    [TestCase("d" + EventDriver.Township, "140502GA", TestName = "A township centre cannot send a case to another county's department")]
    [TestCase("d" + EventDriver.Township, "140502100", TestName = "A township centre cannot send a case to another county's township")]
    [TestCase("d" + EventDriver.Township, EventDriver.City, TestName = "A township centre cannot send a case straight up to the city")]
    [TestCase("d" + EventDriver.Township, "140521101", TestName = "A township centre cannot send a case to a neighbouring township")]
    [TestCase("d" + EventDriver.County, "140502", TestName = "A county centre cannot send a case to another county")]
    [TestCase("d" + EventDriver.County, "140500GA", TestName = "A county centre cannot send a case to a city department")]
    public async Task Reassignment_outside_the_dispatchers_area_is_refused_and_changes_nothing(string dispatcher, string target)
    {
        var filed = await _driver.FileAsync(2, "Township");
        var before = await _driver.JournalAsync(filed.EventId);
        var fileBefore = await _driver.CaseAsync(filed.EventId);

        var refused = await _driver.ReassignAsync(filed.EventId, dispatcher, target, "跨区改派");

        var problem = await EventDriver.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("/reassign-outside-area"));
        Assert.That(problem.GetProperty("title").GetString(), Does.StartWith("只能改派到本辖区内的单位"));
        Assert.That(await _driver.JournalAsync(filed.EventId), Has.Count.EqualTo(before.Count), "nothing recorded");
        Assert.That((await _driver.CaseAsync(filed.EventId)).ToString(), Is.EqualTo(fileBefore.ToString()), "the case file is unchanged");
    }

    [TestCase("d" + EventDriver.Township, EventDriver.Village, TestName = "A township centre sends a case to one of its villages")]
    [TestCase("d" + EventDriver.County, EventDriver.Department, TestName = "A county centre sends a case to one of its departments")]
    [TestCase("d" + EventDriver.County, EventDriver.County, TestName = "A county centre takes a case to itself")]
    public async Task Reassignment_within_the_dispatchers_area_goes_through(string dispatcher, string target)
    {
        var filed = await _driver.FileAsync(2, "Township");

        var moved = new EventStep(await EventDriver.JsonAsync(await _driver.ReassignAsync(filed.EventId, dispatcher, target, "辖区内改派"), HttpStatusCode.OK));

        Assert.That(moved.JournalKinds, Does.Contain("Reassigned"));
        var replay = await _driver.ReplayAsync(filed.EventId);
        Assert.That(replay.GetProperty("responsibleUnit").GetString(), Is.EqualTo(target));
        await _driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task The_targets_offered_are_the_area_and_the_centre_above_without_the_current_unit_or_a_push_down()
    {
        var filed = await _driver.FileAsync(2, "Township");
        var township = await _driver.ClientAsync("d" + EventDriver.Township);
        var targets = (await EventDriver.JsonAsync(await township.GetAsync($"/api/events/{filed.EventId}/reassign-targets"), HttpStatusCode.OK))
            .EnumerateArray().ToList();
        var codes = targets.Select(t => t.GetProperty("code").GetString()!).ToList();

        Assert.That(codes, Does.Contain(EventDriver.Village).And.Contain(EventDriver.County), "its villages and the county centre above");
        Assert.That(codes, Has.None.EqualTo(EventDriver.Township), "not where the case is now");
        Assert.That(codes, Has.None.EqualTo(EventDriver.City).And.None.EqualTo("140521101").And.None.StartWith("140502"));
        Assert.That(targets.Select(t => t.GetProperty("level").GetString()), Has.None.EqualTo("Grid"), "the floor is Township: no push-down");
        Assert.That(targets.Single(t => t.GetProperty("code").GetString() == EventDriver.County).GetProperty("name").GetString(), Is.Not.Empty);

        var moved = await _driver.ReassignAsync(filed.EventId, "d" + EventDriver.Township, codes[^1], "按可选单位改派");
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Only_a_dispatcher_is_offered_targets()
    {
        var filed = await _driver.FileAsync(2, "Township");
        var handler = await _driver.ClientAsync("h" + EventDriver.Department);
        var auditor = await _driver.ClientAsync("auditor");
        Assert.That((await EventDriver.JsonAsync(await auditor.GetAsync($"/api/events/{filed.EventId}/reassign-targets"), HttpStatusCode.OK)).GetArrayLength(), Is.Zero);
        Assert.That((await handler.GetAsync($"/api/events/{filed.EventId}/reassign-targets")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "out of sight");
    }
}
