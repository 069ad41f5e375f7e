using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static GridCase.Api.Tests.Events.Reads.ReadsKit;

namespace GridCase.Api.Tests.Events.Reads;

/// <summary>
/// Every route that takes an id answers 404 to a user who may not see the case, as if it did not exist; a user who
/// sees it but does not hold the task's queue (or only reads) is 403. The case waits for triage in grid
/// <see cref="ReadsKit.Grid"/> of township <see cref="ReadsKit.Township"/> (沁水县).
/// </summary>
public sealed class OutOfSightTests
{
    /// <summary>Stands for the dispatcher of a 沁水 township other than the case's, looked up from the org units.</summary>
    private const string AnotherTownship = "d(another township of 140521)";

    private string _eventId = "";
    private string _taskId = "";
    private string _otherTownship = "";

    public static IEnumerable<TestCaseData> Outsiders()
    {
        string[] users = ["d140502", "h140502GA", "g140502001001001", AnotherTownship];
        string[] routes =
        [
            "GET /api/events/{event}",
            "GET /api/events/{event}/journal",
            "GET /api/events/{event}/replay?at=1",
            "GET /api/events/{event}/journal/verify",
            "POST /api/events/{event}/reassign",
            "POST /api/tasks/{task}/claim",
            "POST /api/tasks/{task}/release",
            "POST /api/tasks/{task}/complete",
        ];
        return users.SelectMany(user => routes.Select(route => new TestCaseData(user, route).SetArgDisplayNames(user, route)));
    }

    [OneTimeSetUp]
    public async Task ReportAnEvent()
    {
        using var gridMember = await SharedApi.Factory.ClientForAsync("g" + Grid);
        var created = await ReportAsync(gridMember, "越权：路灯损坏");
        _eventId = Id(created);
        _taskId = TaskAt(created, "triage");

        var townships = await GetAsync(gridMember, "/api/org-units?parent=140521&level=Township");
        _otherTownship = townships.EnumerateArray().Select(t => t.GetProperty("code").GetString()!).First(code => code != Township);
    }

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, string route, string eventId, string taskId)
    {
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1].Replace("{event}", eventId).Replace("{task}", taskId));
        if (method == "GET")
        {
            return client.GetAsync(path);
        }

        object body = path.EndsWith("/reassign", StringComparison.Ordinal)
            ? new { unitCode = "140521", reason = "越权改派" }
            : path.EndsWith("/complete", StringComparison.Ordinal)
                ? new { outcome = "filed", data = new { difficulty = 2, scope = "Township" } }
                : new { };
        return client.PostAsJsonAsync(path, body);
    }

    private async Task<HttpClient> ClientAsync(string user) =>
        await SharedApi.Factory.ClientForAsync(user == AnotherTownship ? "d" + _otherTownship : user);

    [TestCaseSource(nameof(Outsiders))]
    public async Task A_user_of_another_county_or_township_gets_404(string user, string route)
    {
        using var outsider = await ClientAsync(user);
        var problem = await JsonAsync(await CallAsync(outsider, route, _eventId, _taskId), HttpStatusCode.NotFound);
        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("/not-found"));
    }

    [Test]
    public void The_other_township_is_not_the_cases() =>
        Assert.That(_otherTownship, Does.StartWith("140521").And.Length.EqualTo(9).And.Not.EqualTo(Township));

    [TestCase("GET /api/events/{event}")]
    [TestCase("GET /api/events/{event}/journal")]
    [TestCase("POST /api/events/{event}/reassign")]
    [TestCase("POST /api/tasks/{task}/claim")]
    [TestCase("POST /api/tasks/{task}/complete")]
    public async Task Unknown_ids_are_404_for_anyone(string route)
    {
        using var township = await SharedApi.Factory.ClientForAsync("d" + Township);
        await JsonAsync(await CallAsync(township, route, Guid.NewGuid().ToString(), "no-such-task"), HttpStatusCode.NotFound);
    }

    [TestCase("d140521", "POST /api/tasks/{task}/claim", Description = "the county sees the township's task but does not hold its queue")]
    [TestCase("d140521", "POST /api/tasks/{task}/complete")]
    [TestCase("g" + Grid, "POST /api/tasks/{task}/claim", Description = "the reporting grid member sees the case")]
    [TestCase("h" + Village, "POST /api/tasks/{task}/complete")]
    [TestCase("auditor", "POST /api/tasks/{task}/claim")]
    [TestCase("auditor", "POST /api/tasks/{task}/release")]
    [TestCase("auditor", "POST /api/tasks/{task}/complete")]
    [TestCase("auditor", "POST /api/events/{event}/reassign")]
    [TestCase("admin", "POST /api/tasks/{task}/complete")]
    [TestCase("admin", "POST /api/events/{event}/reassign")]
    public async Task A_user_who_sees_the_task_but_does_not_hold_its_queue_gets_403(string user, string route)
    {
        using var caller = await SharedApi.Factory.ClientForAsync(user);
        var problem = await JsonAsync(await CallAsync(caller, route, _eventId, _taskId), HttpStatusCode.Forbidden);
        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("/forbidden"));

        using var township = await SharedApi.Factory.ClientForAsync("d" + Township);
        var detail = await GetAsync(township, $"/api/events/{_eventId}");
        Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("Reported"), "nothing was done");
        Assert.That(detail.GetProperty("openTasks")[0].GetProperty("claimedBy").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [TestCase("d140521")]
    [TestCase("auditor")]
    [TestCase("g" + Grid)]
    public async Task Those_in_sight_read_the_trace(string user)
    {
        using var caller = await SharedApi.Factory.ClientForAsync(user);
        await GetAsync(caller, $"/api/events/{_eventId}/journal");
        await GetAsync(caller, $"/api/events/{_eventId}/journal/verify");
        await GetAsync(caller, $"/api/events/{_eventId}");
    }
}
