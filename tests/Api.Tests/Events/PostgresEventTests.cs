using System.Net;
using System.Text.Json;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;

namespace GridCase.Api.Tests.Events;

/// <summary>Cases on a real PostgreSQL server: the main path end to end, and a duplicate report at once.</summary>
public sealed class PostgresEventTests
{
    private GridCaseApiFactory? _factory;
    private EventDriver _driver = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = await GridCaseApiFactory.OnPostgresAsync("gridcase_events");
        _driver = new EventDriver(_factory);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_factory is null)
        {
            return;
        }

        await _factory.DisposeAsync();
    }

    [Test]
    public async Task A_reported_event_goes_through_the_whole_closed_loop_on_postgres()
    {
        var reported = await _driver.ReportAsync();
        Assert.That(reported.Json.GetProperty("number").GetString(), Does.Match(@"^QS-\d{4}-\d{6}$"));
        Assert.That(reported.Json.GetProperty("workflow").GetProperty("version").GetInt32(), Is.EqualTo(1));

        var filed = await _driver.CompleteAsync(reported, "triage", "filed", new { difficulty = 2, scope = "Township" });
        await _driver.ExpectAsync(filed, "Dispatched", EventDriver.Township, "Township");
        var resolved = await _driver.CompleteAsync(filed, "handle", "resolved", new { resolution = "已清理" });
        await _driver.ExpectAsync(resolved, "AwaitingVerification", EventDriver.Township, "Township");
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        await _driver.ExpectAsync(confirmed, "Closed", EventDriver.Township, "Township");
        var evaluated = await _driver.CompleteAsync(confirmed, "evaluate", "evaluated", new { satisfaction = 5 });
        Assert.That(evaluated.OpenTasks, Is.Empty);

        var journal = await _driver.VerifyAsync(reported.EventId);
        Assert.That(journal.Select(e => e.GetProperty("seq").GetInt64()), Is.EqualTo(Enumerable.Range(1, journal.Count).Select(i => (long)i)));
        var text = string.Join("\n", journal.SelectMany(Strings));
        Assert.That(text, Does.Not.Contain("13912345678").And.Not.Contain("李四"));
    }

    [Test]
    public async Task Two_identical_reports_at_once_create_one_case_on_postgres()
    {
        var body = await _driver.ReportJsonAsync();
        var key = Guid.NewGuid().ToString("N");
        var before = await _driver.CountAsync();

        var responses = await Task.WhenAll(
            _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", body, key),
            _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", body, key));

        Assert.That(responses.Select(r => r.StatusCode), Has.Some.EqualTo(HttpStatusCode.Created));
        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await _driver.CountAsync()).Cases, Is.EqualTo(before.Cases + 1));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
