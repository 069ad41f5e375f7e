using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static GridCase.Api.Tests.Events.Reads.ReadsKit;

namespace GridCase.Api.Tests.Events.Reads;

/// <summary>
/// GET /api/tasks: a queue with a little case context. Three cases leave three open tasks in the township's queue:
/// <code>
///   A  triage    due in 2 working hours
///   B  handle    due in the item's time limit (24 working hours at difficulty 2)
///   C  evaluate  no deadline (last when sorted by due time)
///   D  triage    claimed by the township dispatcher, under the county's supervision (督办)
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
    private JsonElement _d;
    private string _triageD = "";

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

        _d = await ReportAsync(gridMember, "队列：D 督办");
        _triageD = TaskAt(_d, "triage");
        await JsonAsync(await _township.PostAsync($"/api/tasks/{_triageD}/claim", null), HttpStatusCode.OK);
        using var county = await SharedApi.Factory.ClientForAsync("d140521");
        await JsonAsync(await county.PostAsJsonAsync($"/api/events/{Id(_d)}/supervision", new { note = "请今日办结" }), HttpStatusCode.OK);
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

    [Test]
    public async Task A_whole_case_number_finds_its_tasks_in_any_case()
    {
        var number = _a.GetProperty("number").GetString()!;
        Assert.That(Ids(await GetAsync(_township, $"/api/tasks?q={number}")), Is.EqualTo(new[] { _triageA }));
        Assert.That(Ids(await GetAsync(_township, $"/api/tasks?q={number.ToLowerInvariant()}")), Is.EqualTo(new[] { _triageA }));

        using var auditor = await SharedApi.Factory.ClientForAsync("auditor");
        Assert.That(Ids(await GetAsync(auditor, $"/api/tasks?q={number}")), Is.EqualTo(new[] { _triageA }), "by the unique index, without a queue");
    }

    [Test]
    public async Task Within_a_queue_q_matches_part_of_the_number_the_title_the_address_and_the_grid()
    {
        var sequence = _a.GetProperty("number").GetString()![^6..];
        Assert.That(Ids(await GetAsync(_township, $"/api/tasks?q={sequence}&pageSize=200")), Does.Contain(_triageA));
        Assert.That(Ids(await GetAsync(_township, $"/api/tasks?q={Uri.EscapeDataString("队列：B")}&pageSize=200")), Is.EqualTo(new[] { _handleB }));
        var byAddress = await GetAsync(_township, $"/api/tasks?q={Uri.EscapeDataString("龙港镇")}&pageSize=200");
        Assert.That(Ids(byAddress), Does.Contain(_triageA).And.Contain(_handleB).And.Contain(_evaluateC));
        Assert.That(Ids(await GetAsync(_township, $"/api/tasks?q={Grid[..12]}&pageSize=200")), Does.Contain(_triageA));
        Assert.That(Ids(await GetAsync(_township, "/api/tasks?q=%25%25nothing_like_this")), Is.Empty, "% and _ are literal");
    }

    [Test]
    public async Task Words_without_a_queue_are_refused_for_a_reader_of_everything()
    {
        using var auditor = await SharedApi.Factory.ClientForAsync("auditor");
        var problem = await GetAsync(auditor, $"/api/tasks?q={Uri.EscapeDataString("队列")}", HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("q", out _), Is.True, problem.ToString());
        Assert.That(Ids(await GetAsync(auditor, $"/api/tasks?queue={Township}&q={Uri.EscapeDataString("队列：B")}")), Is.EqualTo(new[] { _handleB }));
    }

    [Test]
    public async Task A_step_keeps_that_node_only()
    {
        var page = await GetAsync(_township, "/api/tasks?step=handle&pageSize=200");
        Assert.That(Ids(page), Does.Contain(_handleB).And.Not.Contain(_triageA));
        Assert.That(Items(page).Select(t => t.GetProperty("nodeId").GetString()), Is.All.EqualTo("handle"));
    }

    [Test]
    public async Task Mine_and_unclaimed_split_by_who_claimed()
    {
        var mine = await GetAsync(_township, "/api/tasks?mine=true&pageSize=200");
        Assert.That(Ids(mine), Does.Contain(_triageD).And.Not.Contain(_triageA));
        Assert.That(Items(mine).Select(t => t.GetProperty("claimedBy").GetString()), Is.All.EqualTo("d" + Township));
        var unclaimed = await GetAsync(_township, "/api/tasks?unclaimed=true&pageSize=200");
        Assert.That(Ids(unclaimed), Does.Contain(_triageA).And.Not.Contain(_triageD));
        Assert.That(Items(unclaimed).Select(t => t.GetProperty("claimedBy").ValueKind), Is.All.EqualTo(JsonValueKind.Null));
        Assert.That(Ids(await GetAsync(_township, "/api/tasks?mine=false&pageSize=200")), Does.Contain(_triageA).And.Not.Contain(_triageD));
        Assert.That(Ids(await GetAsync(_township, "/api/tasks?unclaimed=false&pageSize=200")), Does.Contain(_triageD).And.Not.Contain(_triageA));
    }

    [Test]
    public async Task Supervised_keeps_the_cases_under_supervision()
    {
        var supervised = await GetAsync(_township, "/api/tasks?supervised=true&pageSize=200");
        Assert.That(Ids(supervised), Does.Contain(_triageD).And.Not.Contain(_triageA));
        Assert.That(Items(supervised).Select(t => t.GetProperty("event").GetProperty("underSupervision").GetBoolean()), Is.All.True);
        Assert.That(Ids(await GetAsync(_township, "/api/tasks?supervised=false&pageSize=200")), Does.Contain(_triageA).And.Not.Contain(_triageD));
    }

    [TestCase("dueAt")]
    [TestCase("-dueAt")]
    [TestCase("openedAt")]
    [TestCase("-openedAt")]
    public async Task A_cursor_walks_the_queue_in_the_order_of_the_whole(string sort)
    {
        var whole = Ids(await GetAsync(_township, $"/api/tasks?sort={sort}&pageSize=200"));
        var walked = new List<string>();
        var page = await GetAsync(_township, $"/api/tasks?sort={sort}&pageSize=2");
        while (true)
        {
            walked.AddRange(Ids(page));
            Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(whole.Count));
            if (page.GetProperty("nextCursor").GetString() is not { } cursor)
            {
                break;
            }

            Assert.That(walked, Has.Count.LessThan(whole.Count), "a cursor after the last row");
            page = await GetAsync(_township, $"/api/tasks?sort={sort}&pageSize=2&cursor={cursor}");
            Assert.That(page.GetProperty("page").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }

        Assert.That(walked, Is.EqualTo(whole));
    }

    [Test]
    public async Task A_page_far_beyond_the_queue_is_empty_not_an_overflow()
    {
        var page = await GetAsync(_township, "/api/tasks?page=2147483647&pageSize=200");
        Assert.That(Ids(page), Is.Empty);
        Assert.That(page.GetProperty("total").GetInt32(), Is.GreaterThanOrEqualTo(3));
        Assert.That(page.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [TestCase("mine=maybe", "mine")]
    [TestCase("unclaimed=1", "unclaimed")]
    [TestCase("supervised=yes", "supervised")]
    [TestCase("step=tri%20age", "step")]
    [TestCase("cursor=not-a-cursor", "cursor")]
    [TestCase("cursor=eyJzIjoiZHVlQXQifQ", "cursor")]
    public async Task Bad_search_filters_and_cursors_are_400_naming_the_field(string filter, string field)
    {
        var problem = await GetAsync(_township, $"/api/tasks?{filter}", HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task A_cursor_is_refused_with_a_page_or_another_sort()
    {
        var cursor = (await GetAsync(_township, "/api/tasks?pageSize=1")).GetProperty("nextCursor").GetString();
        var withPage = await GetAsync(_township, $"/api/tasks?page=2&cursor={cursor}", HttpStatusCode.BadRequest);
        Assert.That(withPage.GetProperty("errors").TryGetProperty("page", out _), Is.True, withPage.ToString());
        var otherSort = await GetAsync(_township, $"/api/tasks?sort=-openedAt&cursor={cursor}", HttpStatusCode.BadRequest);
        Assert.That(otherSort.GetProperty("errors").TryGetProperty("cursor", out _), Is.True, otherSort.ToString());
        var tooLong = await GetAsync(_township, $"/api/tasks?q={new string('x', 101)}", HttpStatusCode.BadRequest);
        Assert.That(tooLong.GetProperty("errors").TryGetProperty("q", out _), Is.True, tooLong.ToString());
    }

    [Test]
    public async Task One_task_is_read_by_its_id_within_sight_only()
    {
        var task = await GetAsync(_township, $"/api/tasks/{_triageB}");
        Assert.That(task.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(task.GetProperty("event").GetProperty("title").GetString(), Is.EqualTo("队列：B"));
        using var other = await SharedApi.Factory.ClientForAsync("d140521101");
        await GetAsync(other, $"/api/tasks/{_triageB}", HttpStatusCode.NotFound);
        await GetAsync(_township, "/api/tasks/no-such-task", HttpStatusCode.NotFound);
    }
}
