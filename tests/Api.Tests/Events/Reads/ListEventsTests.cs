using System.Net;
using System.Text.Json;
using static GridCase.Api.Tests.Events.Reads.ReadsKit;

namespace GridCase.Api.Tests.Events.Reads;

/// <summary>GET /api/events: scoped to the caller, newest first, filtered in the database, paged.</summary>
public sealed class ListEventsTests
{
    private HttpClient _gridMember = null!;
    private HttpClient _township = null!;
    private HttpClient _county = null!;
    private string _reported = "";
    private string _dispatched = "";

    [OneTimeSetUp]
    public async Task ReportTwoEvents()
    {
        _gridMember = await SharedApi.Factory.ClientForAsync("g" + Grid);
        _township = await SharedApi.Factory.ClientForAsync("d" + Township);
        _county = await SharedApi.Factory.ClientForAsync("d140521");
        var dispatched = await ReportAsync(_gridMember, "列表：已派遣");
        await TriageAsync(_township, dispatched);
        _dispatched = Id(dispatched);
        _reported = Id(await ReportAsync(_gridMember, "列表：待研判"));
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _gridMember.Dispose();
        _township.Dispose();
        _county.Dispose();
    }

    [Test]
    public async Task The_newest_event_comes_first_with_its_summary()
    {
        var page = await GetAsync(_township, "/api/events?pageSize=200");
        var ids = Ids(page);
        Assert.That(ids, Does.Contain(_reported).And.Contain(_dispatched));
        Assert.That(ids.ToList().IndexOf(_reported), Is.LessThan(ids.ToList().IndexOf(_dispatched)));
        var reportedAt = Items(page).Select(i => i.GetProperty("reportedAt").GetDateTime()).ToList();
        Assert.That(reportedAt, Is.Ordered.Descending);

        var dispatched = Items(page).Single(i => i.GetProperty("id").GetString() == _dispatched);
        Assert.Multiple(() =>
        {
            Assert.That(dispatched.GetProperty("number").GetString(), Does.Match(@"^QS-\d{4}-\d{6}$"));
            Assert.That(dispatched.GetProperty("title").GetString(), Is.EqualTo("列表：已派遣"));
            Assert.That(dispatched.GetProperty("gridCode").GetString(), Is.EqualTo(Grid));
            Assert.That(dispatched.GetProperty("channel").GetString(), Is.EqualTo("GridPatrol"));
            Assert.That(dispatched.GetProperty("status").GetString(), Is.EqualTo("Dispatched"));
            Assert.That(dispatched.GetProperty("responsibleUnit").GetString(), Is.EqualTo(Township));
            Assert.That(dispatched.GetProperty("floor").GetString(), Is.EqualTo("Township"));
            Assert.That(dispatched.GetProperty("difficulty").GetInt32(), Is.EqualTo(2));
            Assert.That(dispatched.GetProperty("scope").GetString(), Is.EqualTo("Township"));
            Assert.That(dispatched.GetProperty("overdue").GetBoolean(), Is.False);
            Assert.That(dispatched.GetProperty("underSupervision").GetBoolean(), Is.False);
            Assert.That(dispatched.GetProperty("closureCode").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(dispatched.TryGetProperty("reporter", out _), Is.False, "the list carries no personal data");
        });
    }

    [Test]
    public async Task Each_caller_sees_only_events_within_their_unit()
    {
        var mine = await GetAsync(_gridMember, "/api/events?pageSize=200");
        Assert.That(Ids(mine), Does.Contain(_reported).And.Contain(_dispatched), "the reporting grid still sees what went up");
        Assert.That(Items(mine), Has.All.Matches<JsonElement>(i => i.GetProperty("gridCode").GetString() == Grid
            || i.GetProperty("responsibleUnit").GetString()!.StartsWith(Grid, StringComparison.Ordinal)));

        var otherCounty = await SharedApi.Factory.ClientForAsync("d140502");
        var theirs = await GetAsync(otherCounty, "/api/events?pageSize=200");
        Assert.That(Ids(theirs), Does.Not.Contain(_reported).And.Not.Contain(_dispatched));
        Assert.That(Items(theirs), Has.All.Matches<JsonElement>(i => i.GetProperty("gridCode").GetString()!.StartsWith("140502", StringComparison.Ordinal)));

        var auditor = await SharedApi.Factory.ClientForAsync("auditor");
        Assert.That(Ids(await GetAsync(auditor, "/api/events?pageSize=200")), Does.Contain(_reported));
    }

    [Test]
    public async Task Unit_narrows_to_the_responsible_unit_and_the_units_below_it()
    {
        var grid = await GetAsync(_county, $"/api/events?unit={Grid}&pageSize=200");
        Assert.That(Ids(grid), Does.Contain(_reported).And.Not.Contain(_dispatched));
        Assert.That(Items(grid).Select(i => i.GetProperty("responsibleUnit").GetString()), Is.All.StartsWith(Grid));

        var township = await GetAsync(_county, $"/api/events?unit={Township}&pageSize=200");
        Assert.That(Ids(township), Does.Contain(_reported).And.Contain(_dispatched));
        Assert.That(Items(township).Select(i => i.GetProperty("responsibleUnit").GetString()), Is.All.StartsWith(Township));

        var department = await GetAsync(_county, "/api/events?unit=140521SF&pageSize=200");
        Assert.That(Items(department).Select(i => i.GetProperty("responsibleUnit").GetString()), Is.All.EqualTo("140521SF"));
    }

    [TestCase("d140521100", "140502")]
    [TestCase("d140521100", "140521101")]
    [TestCase("d140521100", "140521")]
    [TestCase("h140521SF", "140521")]
    public async Task A_unit_outside_the_callers_sight_is_not_found(string user, string unit)
    {
        var caller = await SharedApi.Factory.ClientForAsync(user);
        await GetAsync(caller, $"/api/events?unit={unit}", HttpStatusCode.NotFound);
    }

    [TestCase("Reported")]
    [TestCase("dispatched")]
    public async Task Status_filters_by_the_case_status(string status)
    {
        var page = await GetAsync(_township, $"/api/events?status={status}&pageSize=200");
        Assert.That(Items(page).Select(i => i.GetProperty("status").GetString()), Is.All.EqualTo(status).IgnoreCase);
        var expected = status == "Reported" ? _reported : _dispatched;
        var other = status == "Reported" ? _dispatched : _reported;
        Assert.That(Ids(page), Does.Contain(expected).And.Not.Contain(other));
    }

    [Test]
    public async Task Overdue_false_keeps_events_without_an_overdue_task()
    {
        var page = await GetAsync(_township, "/api/events?overdue=false&pageSize=200");
        Assert.That(Ids(page), Does.Contain(_reported));
        Assert.That(Items(page).Select(i => i.GetProperty("overdue").GetBoolean()), Is.All.False);
    }

    [Test]
    public async Task Pages_split_the_same_ordered_list()
    {
        var whole = await GetAsync(_township, "/api/events?pageSize=4");
        var first = await GetAsync(_township, "/api/events?page=1&pageSize=2");
        var second = await GetAsync(_township, "/api/events?page=2&pageSize=2");
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("page").GetInt32(), Is.EqualTo(1));
            Assert.That(second.GetProperty("page").GetInt32(), Is.EqualTo(2));
            Assert.That(second.GetProperty("pageSize").GetInt32(), Is.EqualTo(2));
            Assert.That(first.GetProperty("total").GetInt32(), Is.EqualTo(whole.GetProperty("total").GetInt32()).And.GreaterThanOrEqualTo(2));
            Assert.That(Ids(first).Concat(Ids(second)), Is.EqualTo(Ids(whole).Take(4)));
            Assert.That(Ids(first), Is.EqualTo(new[] { _reported, _dispatched }), "newest first");
        });

        var total = whole.GetProperty("total").GetInt32();
        var beyond = await GetAsync(_township, $"/api/events?page={total + 1}&pageSize=1");
        Assert.That(Items(beyond), Is.Empty);
        Assert.That(beyond.GetProperty("total").GetInt32(), Is.EqualTo(total));

        var defaults = await GetAsync(_township, "/api/events");
        Assert.That(defaults.GetProperty("pageSize").GetInt32(), Is.EqualTo(20));
        Assert.That(defaults.GetProperty("page").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Q_matches_the_title_or_the_start_of_the_number_within_the_callers_sight()
    {
        var byTitle = await GetAsync(_township, $"/api/events?q={Uri.EscapeDataString("列表：待")}&pageSize=200");
        Assert.That(Ids(byTitle), Does.Contain(_reported).And.Not.Contain(_dispatched));

        var all = await GetAsync(_township, "/api/events?pageSize=200");
        var number = Items(all).Single(i => i.GetProperty("id").GetString() == _dispatched).GetProperty("number").GetString()!;
        var byNumber = await GetAsync(_township, $"/api/events?q={number}");
        Assert.That(Ids(byNumber), Is.EqualTo(new[] { _dispatched }));
        Assert.That(byNumber.GetProperty("total").GetInt32(), Is.EqualTo(1));

        var wildcard = await GetAsync(_township, "/api/events?q=%25");
        Assert.That(Items(wildcard), Is.Empty, "% is a character, not a wildcard");

        var otherCounty = await SharedApi.Factory.ClientForAsync("d140502");
        Assert.That(Ids(await GetAsync(otherCounty, $"/api/events?q={number}")), Is.Empty);
    }

    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=201", "pageSize")]
    [TestCase("page=0", "page")]
    [TestCase("status=Lost", "status")]
    [TestCase("status=1", "status")]
    [TestCase("unit=not-a-unit", "unit")]
    [TestCase("q=0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789x", "q")]
    public async Task Bad_filters_are_400_naming_the_field(string filter, string field)
    {
        var problem = await GetAsync(_township, $"/api/events?{filter}", HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [TestCase("page=x")]
    [TestCase("overdue=maybe")]
    public async Task Unreadable_numbers_and_flags_are_400(string filter) =>
        await GetAsync(_township, $"/api/events?{filter}", HttpStatusCode.BadRequest);
}
