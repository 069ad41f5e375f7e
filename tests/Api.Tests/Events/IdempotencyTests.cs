using System.Net;
using System.Text.Json;
using GridCase.Api.Tests.Events.Paths;

namespace GridCase.Api.Tests.Events;

/// <summary>
/// <c>Idempotency-Key</c> on reporting and on task completion: a repeat gets the stored response, the same key
/// with another body is 422, keys are per user, and two identical requests at once do the work once.
/// </summary>
public sealed class IdempotencyTests
{
    private EventDriver _driver = null!;

    [OneTimeSetUp]
    public void Start() => _driver = new EventDriver(SharedApi.Factory);

    private static string NewKey() => Guid.NewGuid().ToString("N");

    [Test]
    public async Task A_repeated_report_gets_the_stored_response_and_creates_nothing()
    {
        var key = NewKey();
        var body = await _driver.ReportJsonAsync();
        var first = await _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", body, key);
        var created = await EventDriver.JsonAsync(first, HttpStatusCode.Created);
        var after = await _driver.CountAsync();

        var repeat = await _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", body, key);

        var replayed = await EventDriver.JsonAsync(repeat, HttpStatusCode.Created);
        Assert.That(replayed.GetProperty("id").GetGuid(), Is.EqualTo(created.GetProperty("id").GetGuid()));
        Assert.That(replayed.GetProperty("number").GetString(), Is.EqualTo(created.GetProperty("number").GetString()));
        Assert.That(repeat.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(repeat.Headers.TryGetValues("Idempotent-Replayed", out var flag) ? flag.Single() : null, Is.EqualTo("true"));
        Assert.That(await _driver.CountAsync(), Is.EqualTo(after));
        await _driver.VerifyAsync(created.GetProperty("id").GetGuid());
    }

    [Test]
    public async Task A_repeat_serialised_differently_but_with_equal_json_gets_the_stored_response()
    {
        var key = NewKey();
        var body = await _driver.ReportJsonAsync();
        var created = await EventDriver.JsonAsync(await _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", body, key), HttpStatusCode.Created);
        var after = await _driver.CountAsync();

        // The same object, its properties in reverse order, indented, the Chinese title \u-escaped.
        var reordered = new System.Text.Json.Nodes.JsonObject(
            System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject().Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var resent = reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
        Assert.That(resent, Is.Not.EqualTo(body));
        var repeat = await _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", resent, key);

        var replayed = await EventDriver.JsonAsync(repeat, HttpStatusCode.Created);
        Assert.That(replayed.GetProperty("id").GetGuid(), Is.EqualTo(created.GetProperty("id").GetGuid()));
        Assert.That(repeat.Headers.TryGetValues("Idempotent-Replayed", out var flag) ? flag.Single() : null, Is.EqualTo("true"));
        Assert.That(await _driver.CountAsync(), Is.EqualTo(after));
    }

    [Test]
    public async Task The_same_key_with_another_report_is_422_and_creates_nothing()
    {
        var key = NewKey();
        await EventDriver.JsonAsync(await _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", await _driver.ReportJsonAsync(), key), HttpStatusCode.Created);
        var after = await _driver.CountAsync();

        var other = await _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", await _driver.ReportJsonAsync("另一处焚烧垃圾"), key);

        var problem = await EventDriver.ProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("idempotency-key-reused"));
        Assert.That(await _driver.CountAsync(), Is.EqualTo(after));
    }

    [Test]
    public async Task Keys_are_per_user_so_another_user_with_the_same_key_reports_a_new_case()
    {
        var key = NewKey();
        var body = await _driver.ReportJsonAsync();
        var before = await _driver.CountAsync();

        var mine = await EventDriver.JsonAsync(await _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", body, key), HttpStatusCode.Created);
        var theirs = await EventDriver.JsonAsync(await _driver.PostJsonAsync("d" + EventDriver.Township, "/api/events", body, key), HttpStatusCode.Created);

        Assert.That(theirs.GetProperty("id").GetGuid(), Is.Not.EqualTo(mine.GetProperty("id").GetGuid()));
        Assert.That(theirs.GetProperty("number").GetString(), Is.Not.EqualTo(mine.GetProperty("number").GetString()));
        Assert.That((await _driver.CountAsync()).Cases, Is.EqualTo(before.Cases + 2));
        await _driver.VerifyAsync(mine.GetProperty("id").GetGuid());
        await _driver.VerifyAsync(theirs.GetProperty("id").GetGuid());
    }

    [Test]
    public async Task Two_identical_reports_at_once_create_exactly_one_case()
    {
        var key = NewKey();
        var body = await _driver.ReportJsonAsync();
        var before = await _driver.CountAsync();

        var responses = await Task.WhenAll(
            _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", body, key),
            _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", body, key));

        var ids = await CreatedOrInFlightAsync(responses, HttpStatusCode.Created, "id");
        Assert.That(ids.Distinct().ToList(), Has.Count.EqualTo(1));
        Assert.That((await _driver.CountAsync()).Cases, Is.EqualTo(before.Cases + 1));
        var again = await EventDriver.JsonAsync(await _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", body, key), HttpStatusCode.Created);
        Assert.That(again.GetProperty("id").GetString(), Is.EqualTo(ids[0]));
        await _driver.VerifyAsync(Guid.Parse(ids[0]));
    }

    [Test]
    public async Task A_repeated_completion_gets_the_stored_step_and_changes_nothing()
    {
        var filed = await _driver.FileAsync(2, "Township");
        var path = $"/api/tasks/{filed.TaskId("handle")}/complete";
        var body = JsonSerializer.Serialize(new { outcome = "resolved", data = new { resolution = "已处置" } });
        var key = NewKey();
        var first = await EventDriver.JsonAsync(await _driver.PostJsonAsync("d" + EventDriver.Township, path, body, key), HttpStatusCode.OK);
        var after = await _driver.CountAsync();

        var repeat = await EventDriver.JsonAsync(await _driver.PostJsonAsync("d" + EventDriver.Township, path, body, key), HttpStatusCode.OK);

        Assert.That(repeat.ToString(), Is.EqualTo(first.ToString()));
        Assert.That(await _driver.CountAsync(), Is.EqualTo(after));
        var confirmed = await _driver.CompleteAsync(new EventStep(first), "verify", "confirmed");
        await _driver.CompleteAsync(confirmed, "evaluate", "skipped");
        var journal = await _driver.VerifyAsync(filed.EventId);
        Assert.That(journal.Count(e => e.GetProperty("kind").GetString() == "TaskCompleted" && e.GetProperty("nodeId").GetString() == "handle"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_same_key_with_another_completion_is_422_and_changes_nothing()
    {
        var filed = await _driver.FileAsync(2, "Township");
        var path = $"/api/tasks/{filed.TaskId("handle")}/complete";
        var key = NewKey();
        var first = await EventDriver.JsonAsync(await _driver.PostJsonAsync("d" + EventDriver.Township, path,
            JsonSerializer.Serialize(new { outcome = "resolved", data = new { resolution = "已处置" } }), key), HttpStatusCode.OK);
        var after = await _driver.CountAsync();

        var other = await _driver.PostJsonAsync("d" + EventDriver.Township, path,
            JsonSerializer.Serialize(new { outcome = "resolved", data = new { resolution = "已全部处置" } }), key);

        var problem = await EventDriver.ProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("idempotency-key-reused"));
        Assert.That(await _driver.CountAsync(), Is.EqualTo(after));
        var confirmed = await _driver.CompleteAsync(new EventStep(first), "verify", "confirmed");
        await _driver.CompleteAsync(confirmed, "evaluate", "skipped");
        await _driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task Two_identical_completions_at_once_complete_the_task_once()
    {
        var filed = await _driver.FileAsync(2, "Township");
        var path = $"/api/tasks/{filed.TaskId("handle")}/complete";
        var body = JsonSerializer.Serialize(new { outcome = "resolved", data = new { resolution = "已处置" } });
        var key = NewKey();

        var responses = await Task.WhenAll(
            _driver.PostJsonAsync("d" + EventDriver.Township, path, body, key),
            _driver.PostJsonAsync("d" + EventDriver.Township, path, body, key));

        var taskIds = await CreatedOrInFlightAsync(responses, HttpStatusCode.OK, "taskId");
        Assert.That(taskIds.Distinct(), Is.EqualTo(new[] { filed.TaskId("handle") }));
        var journal = await _driver.VerifyAsync(filed.EventId);
        Assert.That(journal.Count(e => e.GetProperty("kind").GetString() == "TaskCompleted" && e.GetProperty("nodeId").GetString() == "handle"), Is.EqualTo(1));
        Assert.That(journal.Count(e => e.GetProperty("kind").GetString() == "TaskOpened" && e.GetProperty("nodeId").GetString() == "verify"), Is.EqualTo(1));
    }

    /// <summary>
    /// Each answer is the success (the work or the stored response) or 409 because the twin was still running;
    /// at least one succeeded. Returns the <paramref name="idProperty"/> of every success.
    /// </summary>
    private static async Task<List<string>> CreatedOrInFlightAsync(HttpResponseMessage[] responses, HttpStatusCode success, string idProperty)
    {
        var ids = new List<string>();
        foreach (var response in responses)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(success).Or.EqualTo(HttpStatusCode.Conflict), text);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
                Assert.That(JsonDocument.Parse(text).RootElement.GetProperty("type").GetString(), Does.EndWith("idempotency-in-flight"), text);
            }
            else
            {
                ids.Add(JsonDocument.Parse(text).RootElement.GetProperty(idProperty).GetString()!);
            }
        }

        Assert.That(ids, Is.Not.Empty, "one of the two did the work");
        return ids;
    }
}
