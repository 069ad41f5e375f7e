using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCase.Api.Tests.Support;
using GridCase.Api.Timers;
using GridCase.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCase.Api.Tests.Administration.Calendar;

/// <summary>
/// Uploading a year's holiday schedule (节假日安排) through HTTP, on an API whose clock the test moves. Each test uses a
/// year of its own; only the deadline test moves the clock (forward, into that year).
/// </summary>
public abstract class CalendarUploadTests
{
    private FakeTimeProvider _clock = null!;
    private GridCaseApiFactory _own = null!;
    private WebApplicationFactory<Program> _api = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    protected abstract Task<GridCaseApiFactory> StartAsync();

    [OneTimeSetUp]
    public async Task Start()
    {
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _own = await StartAsync();
        // Deadline timers are rows only: no Quartz firing on a clock the test moves.
        _api = _own.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock).RemoveTimerDelivery()));
        await TestAdministrators.AddAsync(_api);
        // Everyone signs in on today's clock, before a test moves it: tokens are checked on the system's.
        foreach (var user in new[] { "sysadmin", TestAdministrators.City2, TestAdministrators.Qinshui, "d140521100", "d140521", "admin", "auditor" })
        {
            _clients[user] = await _api.SignedInAsync(user);
        }
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_own is not null)
        {
            await _own.DisposeAsync();
        }
    }

    private static JsonObject Schedule(int year, params (string Date, string Name)[] holidays) => new()
    {
        ["year"] = year,
        ["source"] = $"测试用 {year} 年节假日安排",
        ["holidays"] = new JsonArray([.. holidays.Select(h => (JsonNode)new JsonObject { ["date"] = h.Date, ["name"] = h.Name })]),
        ["makeUpWorkdays"] = new JsonArray(),
    };

    private HttpClient Client(string user) => _clients[user];

    private async Task<(int Schedules, int Changes)> CountWritesAsync()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        return (await db.HolidaySchedules.CountAsync(), await db.AdminChanges.CountAsync());
    }

    [Test]
    public async Task A_deadline_after_the_upload_skips_a_day_the_uploaded_schedule_declares_a_holiday()
    {
        var admin = _clients["sysadmin"];
        var township = _clients["d140521100"];
        var item = (await (await township.GetAsync("/api/catalogue?county=140521")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("categories")[0].GetProperty("items")[0].GetProperty("code").GetString();
        var schedule = Schedule(2027, ("2027-01-01", "元旦"), ("2027-03-02", "测试假日"));
        schedule["makeUpWorkdays"] = new JsonArray(new JsonObject { ["date"] = "2027-03-06", ["name"] = "测试调休上班" });

        var uploaded = await (await admin.PutAsJsonAsync("/api/admin/calendar/2027", schedule)).JsonAsync(HttpStatusCode.OK);
        // Monday 1 March 2027, 17:00 China time: half an hour of work left today.
        _clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var created = await (await township.PostAsJsonAsync("/api/events",
            new { catalogueItemCode = item, gridCode = "140521100001001", channel = "Hotline12345", title = "路灯不亮" })).JsonAsync(HttpStatusCode.Created);

        Assert.That(uploaded.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { "2027-01-01", "2027-03-02" }));
        var triage = created.GetProperty("openTasks").EnumerateArray().Single(t => t.GetProperty("nodeId").GetString() == "triage");
        // Two working hours: 17:00–17:30 on Monday, then 08:30–10:00 on Wednesday (Tuesday 08:30–10:00 without the upload).
        Assert.That(triage.GetProperty("dueAt").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2027, 3, 3, 2, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task An_uploaded_year_is_served_by_the_calendar_replaced_by_a_second_upload_and_recorded()
    {
        var admin = Client("sysadmin");
        var reader = Client("d140521");
        await (await reader.GetAsync("/api/calendar/2029")).JsonAsync(HttpStatusCode.NotFound);

        await (await admin.PutAsJsonAsync("/api/admin/calendar/2029", Schedule(2029, ("2029-01-01", "元旦")))).JsonAsync(HttpStatusCode.OK);
        var first = await (await reader.GetAsync("/api/calendar/2029")).JsonAsync(HttpStatusCode.OK);
        await (await Client(TestAdministrators.City2)
            .PutAsJsonAsync("/api/admin/calendar/2029", Schedule(2029, ("2029-01-01", "元旦"), ("2029-10-01", "国庆节")))).JsonAsync(HttpStatusCode.OK);
        var second = await (await reader.GetAsync("/api/calendar/2029")).JsonAsync(HttpStatusCode.OK);

        Assert.That(first.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { "2029-01-01" }));
        Assert.That(second.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { "2029-01-01", "2029-10-01" }));
        Assert.That(second.GetProperty("source").GetString(), Is.EqualTo("测试用 2029 年节假日安排"));
        await using var scope = _api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        var row = await db.HolidaySchedules.AsNoTracking().SingleAsync(s => s.Year == 2029);
        var changes = await db.AdminChanges.AsNoTracking().Where(c => c.Subject == "2029").OrderBy(c => c.Id).ToListAsync();
        Assert.That(row.UploadedBy, Is.EqualTo(TestAdministrators.City2));
        Assert.That(changes.Select(c => (c.Kind, c.ActorUserId, c.Area)), Is.EqualTo(new[]
        {
            ("CalendarUploaded", "sysadmin", "140500"),
            ("CalendarUploaded", TestAdministrators.City2, "140500"),
        }));
        Assert.That(await db.ReferenceVersions.AsNoTracking().SingleAsync(v => v.Name == "calendar"), Has.Property("Version").GreaterThanOrEqualTo(2));
    }

    private static IEnumerable<TestCaseData> BadSchedules()
    {
        static TestCaseData Case(string field, Action<JsonObject> spoil) => new TestCaseData(field, spoil).SetArgDisplayNames(field);
        static JsonNode Holiday(JsonObject schedule, int index) => schedule["holidays"]![index]!;

        yield return Case("year", s => s["year"] = 2031);
        yield return Case("year", s => s.Remove("year"));
        yield return Case("source", s => s["source"] = "");
        yield return Case("holidays", s => s.Remove("holidays"));
        yield return Case("holidays[1].date", s => Holiday(s, 1)["date"] = "2030-13-01");
        yield return Case("holidays[0].date", s => Holiday(s, 0)["date"] = "2029-12-31");
        yield return Case("holidays[1].date", s => Holiday(s, 1)["date"] = "2030-01-01");
        yield return Case("holidays[0].name", s => Holiday(s, 0)["name"] = " ");
        yield return Case("holidays[1]", s => s["holidays"]![1] = null);
        yield return Case("makeUpWorkdays[0].date", s => s["makeUpWorkdays"]![0]!["date"] = "2030-10-08");
        yield return Case("makeUpWorkdays[0].date", s => s["makeUpWorkdays"]![0]!["date"] = "2030-10-01");
    }

    [TestCaseSource(nameof(BadSchedules))]
    public async Task A_bad_schedule_is_refused_naming_the_field_and_nothing_is_written(string field, Action<JsonObject> spoil)
    {
        var admin = Client("sysadmin");
        var schedule = Schedule(2030, ("2030-01-01", "元旦"), ("2030-10-01", "国庆节"));
        schedule["makeUpWorkdays"] = new JsonArray(new JsonObject { ["date"] = "2030-09-29", ["name"] = "国庆节调休上班" });
        spoil(schedule);
        var writes = await CountWritesAsync();

        var problem = await (await admin.PutAsJsonAsync("/api/admin/calendar/2030", schedule)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Does.Contain(field), problem.ToString());
        Assert.That(await CountWritesAsync(), Is.EqualTo(writes));
        await (await admin.GetAsync("/api/calendar/2030")).JsonAsync(HttpStatusCode.NotFound);
    }

    [TestCase(TestAdministrators.Qinshui)]
    [TestCase("d140521")]
    [TestCase("admin")]
    [TestCase("auditor")]
    public async Task Only_a_city_system_administrator_uploads_a_schedule(string user)
    {
        var client = Client(user);

        var response = await client.PutAsJsonAsync("/api/admin/calendar/2031", Schedule(2031, ("2031-01-01", "元旦")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await (await client.GetAsync("/api/calendar/2031")).JsonAsync(HttpStatusCode.NotFound);
    }
}

[TestFixture]
public sealed class SqliteCalendarUploadTests : CalendarUploadTests
{
    protected override Task<GridCaseApiFactory> StartAsync() => Task.FromResult(new GridCaseApiFactory());
}

[TestFixture]
public sealed class PostgresCalendarUploadTests : CalendarUploadTests
{
    protected override Task<GridCaseApiFactory> StartAsync() => GridCaseApiFactory.OnPostgresAsync("gridcase_calendar");
}
