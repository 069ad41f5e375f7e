using System.Net;
using System.Text.Json;
using static GridCase.Api.Tests.Events.Reads.ReadsKit;

namespace GridCase.Api.Tests.Events.Reads;

/// <summary>
/// GET /api/tasks: a queue with a little case context. Three cases leave three open tasks in the township's queue:
/// <code>
///   A  triage    due in 2 working hours
///   B  handle    due in the item's time limit (24 working hours at difficulty 2)
///   C  evaluate  no deadline (last when sorted by due time)
/// </code>
/// </summary>
public sealed class ListTasksTests
{
    private HttpClient _township = null!;
    private JsonElement _a;
    private string _triageA = "";
    private string _triageB = "";
    private string _handleB = "";
    private string _evaluateC = "";

    [OneTimeSetUp]
    public async Task LeaveThreeTasksInTheTownshipQueue()
    {
        _township = await SharedApi.Factory.ClientForAsync("d" + Township);
        using var gridMember = await SharedApi.Factory.ClientForAsync("g" + Grid);
        _a = await ReportAsync(gridMember, "队列：A");
        _triageA = TaskAt(_a, "triage");

        var b = await ReportAsync(gridMember, "队列：B");
        _triageB = TaskAt(b, "triage");
        _handleB = TaskAt(await TriageAsync(_township, b), "handle");

        var c = await ReportAsync(gridMember, "队列：C");
        var handleC = TaskAt(await TriageAsync(_township, c), "handle");
        var verify = TaskAt(await CompleteAsync(_township, handleC, "resolved", new { resolution = "已处置" }), "verify");
        _evaluateC = TaskAt(await CompleteAsync(_township, verify, "confirmed"), "evaluate");
    }

    [OneTimeTearDown]
    public void Dispose() => _township.Dispose();

    private static int IndexOf(JsonElement page, string taskId) => Ids(page).ToList().IndexOf(taskId);

    [Test]
    public async Task Without_a_queue_a_unit_gets_its_own_open_tasks_with_the_case_context()
    {
        var page = await GetAsync(_township, "/api/tasks?pageSize=200");
        Assert.That(Items(page).Select(t => t.GetProperty("queue").GetString()), Is.All.EqualTo(Township));
        Assert.That(Items(page).Select(t => t.GetProperty("status").GetString()), Is.All.EqualTo("Open"));
        Assert.That(Ids(page), Does.Contain(_triageA).And.Contain(_handleB).And.Contain(_evaluateC).And.Not.Contain(_triageB));

        var triage = Items(page).Single(t => t.GetProperty("id").GetString() == _triageA);
        var context = triage.GetProperty("event");
        Assert.Multiple(() =>
        {
            Assert.That(triage.GetProperty("eventId").GetString(), Is.EqualTo(Id(_a)));
            Assert.That(triage.GetProperty("nodeId").GetString(), Is.EqualTo("triage"));
            Assert.That(triage.GetProperty("form").GetString(), Is.EqualTo("triage"));
            Assert.That(triage.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()), Does.Contain("filed").And.Contain("invalid"));
            Assert.That(triage.GetProperty("dueAt").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(context.GetProperty("number").GetString(), Is.EqualTo(_a.GetProperty("number").GetString()));
            Assert.That(context.GetProperty("title").GetString(), Is.EqualTo("队列：A"));
            Assert.That(context.GetProperty("catalogueItemCode").GetString(), Does.StartWith("QS-"));
            Assert.That(context.GetProperty("gridCode").GetString(), Is.EqualTo(Grid));
            Assert.That(context.GetProperty("status").GetString(), Is.EqualTo("Reported"));
        });
    }

    [Test]
    public async Task By_due_time_the_earliest_deadline_comes_first_and_no_deadline_last()
    {
        var page = await GetAsync(_township, "/api/tasks?sort=dueAt&pageSize=200");
        Assert.That(IndexOf(page, _triageA), Is.LessThan(IndexOf(page, _handleB)));
        Assert.That(IndexOf(page, _handleB), Is.LessThan(IndexOf(page, _evaluateC)));

        var due = Items(page).Select(t => t.GetProperty("dueAt")).ToList();
        var firstWithout = due.FindIndex(d => d.ValueKind == JsonValueKind.Null);
        Assert.That(due.Take(firstWithout < 0 ? due.Count : firstWithout).Select(d => d.GetDateTime()), Is.Ordered.Ascending);
        Assert.That(due.Skip(firstWithout < 0 ? due.Count : firstWithout).Select(d => d.ValueKind), Is.All.EqualTo(JsonValueKind.Null));

        var byDefault = await GetAsync(_township, "/api/tasks?pageSize=200");
        Assert.That(Ids(byDefault), Is.EqualTo(Ids(page)));
    }

    [Test]
    public async Task By_opening_time_either_way()
    {
        var newest = await GetAsync(_township, "/api/tasks?sort=-openedAt&pageSize=200");
        Assert.That(Items(newest).Select(t => t.GetProperty("openedAt").GetDateTime()), Is.Ordered.Descending);
        Assert.That(IndexOf(newest, _evaluateC), Is.LessThan(IndexOf(newest, _handleB)));
        Assert.That(IndexOf(newest, _handleB), Is.LessThan(IndexOf(newest, _triageA)));

        var oldest = await GetAsync(_township, "/api/tasks?sort=openedAt&pageSize=200");
        Assert.That(Items(oldest).Select(t => t.GetProperty("openedAt").GetDateTime()), Is.Ordered.Ascending);
    }

    [Test]
    public async Task Completed_tasks_show_their_outcome()
    {
        var page = await GetAsync(_township, "/api/tasks?status=Completed&sort=-openedAt&pageSize=200");
        var triage = Items(page).Single(t => t.GetProperty("id").GetString() == _triageB);
        Assert.That(triage.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(triage.GetProperty("outcome").GetString(), Is.EqualTo("filed"));
        Assert.That(triage.GetProperty("closedAt").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(Items(page).Select(t => t.GetProperty("status").GetString()), Is.All.EqualTo("Completed"));
    }

    [Test]
    public async Task Overdue_false_keeps_tasks_on_time()
    {
        var page = await GetAsync(_township, "/api/tasks?overdue=false&pageSize=200");
        Assert.That(Ids(page), Does.Contain(_triageA));
        Assert.That(Items(page).Select(t => t.GetProperty("overdue").GetBoolean()), Is.All.False);
    }

    [Test]
    public async Task Pages_split_the_queue()
    {
        var whole = await GetAsync(_township, "/api/tasks?pageSize=3");
        var second = await GetAsync(_township, "/api/tasks?page=2&pageSize=1");
        Assert.That(whole.GetProperty("total").GetInt32(), Is.GreaterThanOrEqualTo(3));
        Assert.That(second.GetProperty("total").GetInt32(), Is.EqualTo(whole.GetProperty("total").GetInt32()));
        Assert.That(Ids(second), Is.EqualTo(Ids(whole).Skip(1).Take(1)));
    }

    [Test]
    public async Task A_unit_above_may_read_the_queue_of_a_unit_below()
    {
        using var county = await SharedApi.Factory.ClientForAsync("d140521");
        Assert.That(Ids(await GetAsync(county, $"/api/tasks?queue={Township}&pageSize=200")), Does.Contain(_triageA));
        Assert.That(Ids(await GetAsync(county, "/api/tasks?pageSize=200")), Does.Not.Contain(_triageA), "its own queue by default");
    }

    [Test]
    public async Task A_reader_of_everything_gets_every_open_task_unless_naming_a_queue()
    {
        using var auditor = await SharedApi.Factory.ClientForAsync("auditor");
        var all = await GetAsync(auditor, "/api/tasks?sort=-openedAt&pageSize=200");
        Assert.That(Ids(all), Does.Contain(_triageA).And.Contain(_evaluateC));
        var named = await GetAsync(auditor, "/api/tasks?queue=140521&pageSize=200");
        Assert.That(Items(named).Select(t => t.GetProperty("queue").GetString()), Is.All.EqualTo("140521"));
    }

    [TestCase("d140521100", "140521")]
    [TestCase("d140521100", "140521101")]
    [TestCase("d140521100", "140502001")]
    [TestCase("h140521SF", "140521100")]
    [TestCase("g" + Grid, Township)]
    public async Task A_queue_outside_the_callers_sight_is_not_found(string user, string queue)
    {
        using var caller = await SharedApi.Factory.ClientForAsync(user);
        await GetAsync(caller, $"/api/tasks?queue={queue}", HttpStatusCode.NotFound);
    }

    [TestCase("queue=nope", "queue")]
    [TestCase("status=Done", "status")]
    [TestCase("sort=title", "sort")]
    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=201", "pageSize")]
    [TestCase("page=0", "page")]
    public async Task Bad_filters_are_400_naming_the_field(string filter, string field)
    {
        var problem = await GetAsync(_township, $"/api/tasks?{filter}", HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }
}
