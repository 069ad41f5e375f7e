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
}
