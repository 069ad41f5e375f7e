using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;

namespace GridCase.Api.Tests.Events;

/// <summary>
/// Bad input never gets a 500: each refusal is a ProblemDetails naming what was wrong, and nothing of the
/// refused request is written (no case, no journal entry, no task, no idempotency key).
/// </summary>
public sealed class BadInputTests
{
    private EventDriver _driver = null!;

    [OneTimeSetUp]
    public void Start() => _driver = new EventDriver(SharedApi.Factory);

    private async Task<JsonObject> ReportBodyAsync() => JsonNode.Parse(await _driver.ReportJsonAsync())!.AsObject();

    /// <summary>Sends a report as the grid member (with an idempotency key, which a refusal must not keep) and expects nothing stored.</summary>
    private async Task<JsonElement> RefusedReportAsync(string json, HttpStatusCode expected)
    {
        var before = await _driver.CountAsync();
        var response = await _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", json, Guid.NewGuid().ToString("N"));
        var problem = await EventDriver.ProblemAsync(response, expected);
        Assert.That(await _driver.CountAsync(), Is.EqualTo(before), "nothing half-written");
        return problem;
    }

    [TestCase("{\"catalogueItemCode\": \"QS-03-001\", \"gridCode\": ")]
    [TestCase("{\"catalogueItemCode\": \"QS-03-001\",}")]
    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("{\"title\": 42}")]
    public async Task A_malformed_report_is_400(string json)
    {
        var problem = await RefusedReportAsync(json, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("bad-request"));
    }

    [TestCase("title", "42", "title", "text")]
    [TestCase("occurredAt", "\"yesterday\"", "occurredAt", "ISO 8601")]
    [TestCase("location", "{\"latitude\": \"north\", \"longitude\": 112.1}", "location.latitude", "a number")]
    [TestCase("location", "[1, 2]", "location", "a JSON object")]
    [TestCase("handledOnSite", "\"yes\"", "handledOnSite", "true or false")]
    public async Task A_value_of_the_wrong_form_is_400_naming_the_field_and_the_form_without_dotnet_type_names(
        string property, string value, string field, string form)
    {
        var body = await ReportBodyAsync();
        body[property] = JsonNode.Parse(value);

        var problem = await RefusedReportAsync(body.ToJsonString(), HttpStatusCode.BadRequest);

        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.That(messages, Has.Some.Contain(form).And.Some.Contain(" / "), problem.ToString());
        Assert.That(problem.ToString(), Does.Not.Match(@"System\.|Int32|Boolean|DateTimeOffset|Nullable|GridCase\."), "no .NET type names");
    }

    [Test]
    public async Task A_query_parameter_of_the_wrong_form_is_400_naming_it_without_dotnet_type_names()
    {
        var client = await _driver.ClientAsync(EventDriver.GridMember);

        var problem = await EventDriver.ProblemAsync(await client.GetAsync("/api/events?page=second"), HttpStatusCode.BadRequest);

        var messages = problem.GetProperty("errors").GetProperty("page").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.That(messages, Has.Some.Contain("whole number").And.Some.Contain("整数"), problem.ToString());
        Assert.That(problem.ToString(), Does.Not.Match(@"System\.|Int32|int\? "), "no .NET type names");
    }

    [Test]
    public async Task Malformed_json_is_400_with_where_it_broke_and_an_unknown_property_names_it_without_dotnet_type_names()
    {
        var malformed = await RefusedReportAsync("{\"title\": \"x\",\n \"gridCode\": }", HttpStatusCode.BadRequest);
        var body = await ReportBodyAsync();
        body["colour"] = "red";
        var unknown = await RefusedReportAsync(body.ToJsonString(), HttpStatusCode.BadRequest);

        Assert.That(malformed.GetProperty("detail").GetString(), Does.Contain("not valid JSON").And.Contain("line 2"));
        Assert.That(unknown.GetProperty("errors").GetProperty("colour").EnumerateArray().Single().GetString(), Does.Contain("'colour' is not a field"));
        Assert.That(malformed.ToString() + unknown.ToString(), Does.Not.Match(@"System\.|GridCase\.|Command"), "no .NET type names");
    }

    [TestCase("status", "\"Closed\"")]
    [TestCase("responsibleUnit", "\"140521\"")]
    [TestCase("assignee", "\"h140521HB\"")]
    [TestCase("version", "2")]
    public async Task A_report_setting_what_clients_never_set_is_400(string property, string value)
    {
        var body = await ReportBodyAsync();
        body[property] = JsonNode.Parse(value);

        var problem = await RefusedReportAsync(body.ToJsonString(), HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(property));
    }

    [TestCase("gridCode", "140521100001999")]
    [TestCase("gridCode", "140521999001001")]
    [TestCase("gridCode", "1405211")]
    [TestCase("catalogueItemCode", "QS-99-999")]
    [TestCase("catalogueItemCode", "CQ-01-001")]
    [TestCase("channel", "Carrier pigeon")]
    [TestCase("title", "")]
    public async Task A_report_with_an_unknown_or_missing_value_is_400_naming_the_field(string field, string value)
    {
        var body = await ReportBodyAsync();
        body[field] = value;

        var problem = await RefusedReportAsync(body.ToJsonString(), HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain(field), problem.ToString());
    }

    // The limit is Kestrel's (GridCaseApp.MaxRequestBodyBytes); the in-memory test server has none, so this
    // test runs its own API on Kestrel.
    [TestCase(true)]
    [TestCase(false)]
    public async Task A_report_over_one_mebibyte_is_413(bool withContentLength)
    {
        await using var kestrel = new GridCaseApiFactory();
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var driver = new EventDriver(kestrel);
        var body = JsonNode.Parse(await driver.ReportJsonAsync())!.AsObject();
        body["description"] = new string('x', (int)GridCaseApp.MaxRequestBodyBytes + 1);
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var before = await driver.CountAsync();

        var client = await driver.ClientAsync(EventDriver.GridMember);
        using HttpContent content = withContentLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await client.PostAsync("/api/events", content);

        await EventDriver.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(await driver.CountAsync(), Is.EqualTo(before), "nothing half-written");
    }

    [TestCase("approved")]
    [TestCase("warning")]
    [TestCase("overdue")]
    [TestCase("FILED")]
    public async Task Completing_a_task_with_an_outcome_it_does_not_have_is_400_naming_outcome(string outcome)
    {
        var reported = await _driver.ReportAsync();

        var problem = await RefusedCompletionAsync(reported, "triage", JsonSerializer.Serialize(new { outcome, data = new { difficulty = 2, scope = "Township" } }));

        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain("outcome"), problem.ToString());
        await StillWorksAsync(reported);
    }

    [TestCase("filed", """{"difficulty": 2}""", "scope")]
    [TestCase("filed", """{"scope": "Township"}""", "difficulty")]
    [TestCase("filed", """{"difficulty": 9, "scope": "Township"}""", "difficulty")]
    [TestCase("filed", """{"difficulty": "hard", "scope": "Township"}""", "difficulty")]
    [TestCase("filed", """{"difficulty": 2, "scope": "Moon"}""", "scope")]
    [TestCase("filed", """{"difficulty": 2, "scope": "Township", "floor": "Grid"}""", "floor")]
    [TestCase("invalid", """{"closure": "invalid"}""", "reason")]
    [TestCase("invalid", """{"reason": "重复"}""", "closure")]
    public async Task Completing_triage_without_a_valid_form_is_400_naming_the_field(string outcome, string data, string field)
    {
        var reported = await _driver.ReportAsync();

        var problem = await RefusedCompletionAsync(reported, "triage", $$"""{"outcome": "{{outcome}}", "data": {{data}}}""");

        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain(field), problem.ToString());
        await StillWorksAsync(reported);
    }

    [TestCase("resolved", "resolution")]
    [TestCase("returned", "reason")]
    [TestCase("escalate", "reason")]
    [TestCase("extension", "hours")]
    [TestCase("parked", "explanation")]
    public async Task Completing_handling_without_the_outcome_s_field_is_400_naming_it(string outcome, string field)
    {
        var filed = await _driver.FileAsync(3, "County");

        var problem = await RefusedCompletionAsync(filed, "handle", JsonSerializer.Serialize(new { outcome }));

        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain(field), problem.ToString());
        var resolved = await _driver.CompleteAsync(filed, "handle", "resolved", new { resolution = "已处置" });
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        await _driver.CompleteAsync(confirmed, "evaluate", "skipped");
        await _driver.VerifyAsync(filed.EventId);
    }

    [TestCase(0)]
    [TestCase(6)]
    [TestCase("five")]
    public async Task An_evaluation_outside_one_to_five_is_400_naming_satisfaction(object satisfaction)
    {
        var filed = await _driver.FileAsync(2, "Township");
        var resolved = await _driver.CompleteAsync(filed, "handle", "resolved", new { resolution = "已处置" });
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");

        var problem = await RefusedCompletionAsync(confirmed, "evaluate", JsonSerializer.Serialize(new { outcome = "evaluated", data = new { satisfaction } }));

        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain("satisfaction"), problem.ToString());
        var evaluated = await _driver.CompleteAsync(confirmed, "evaluate", "evaluated", new { satisfaction = 1 });
        Assert.That(evaluated.OpenTasks, Is.Empty);
        await _driver.VerifyAsync(filed.EventId);
    }

    [TestCase("""{"outcome": "filed", "data": {"difficulty": 2, "scope": "Township"}, "status": "Closed"}""")]
    [TestCase("""{"outcome": "filed", "data": {"difficulty": 2, "scope": "Township"}, "assignee": "g140521100001001"}""")]
    [TestCase("""{"outcome": "filed", "data": """)]
    [TestCase("""{"data": {"difficulty": 2, "scope": "Township"}}""")]
    public async Task A_malformed_completion_is_400(string json)
    {
        var reported = await _driver.ReportAsync();

        await RefusedCompletionAsync(reported, "triage", json);

        await StillWorksAsync(reported);
    }

    [Test]
    public async Task Completing_a_task_that_is_already_completed_is_409()
    {
        var reported = await _driver.ReportAsync();
        var filed = await _driver.CompleteAsync(reported, "triage", "filed", new { difficulty = 2, scope = "Township" });
        var before = await _driver.CountAsync();

        var again = await _driver.PostCompleteAsync(reported, "triage", "filed", new { difficulty = 2, scope = "Township" });

        await EventDriver.ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.That(await _driver.CountAsync(), Is.EqualTo(before));
        var resolved = await _driver.CompleteAsync(filed, "handle", "resolved", new { resolution = "已处置" });
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        await _driver.CompleteAsync(confirmed, "evaluate", "skipped");
        await _driver.VerifyAsync(reported.EventId);
    }

    [TestCase("""{"unitCode": "140521999", "reason": "改派"}""", "unitCode")]
    [TestCase("""{"unitCode": "not a unit", "reason": "改派"}""", "unitCode")]
    [TestCase("""{"unitCode": "140521", "reason": ""}""", "reason")]
    [TestCase("""{"unitCode": "140521"}""", "reason")]
    public async Task A_reassignment_with_an_unknown_unit_or_no_reason_is_400_naming_the_field(string json, string field)
    {
        var filed = await _driver.FileAsync(2, "Township");
        var before = await _driver.CountAsync();

        var response = await _driver.PostJsonAsync("d" + EventDriver.Township, $"/api/events/{filed.EventId}/reassign", json);

        var problem = await EventDriver.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain(field), problem.ToString());
        Assert.That(await _driver.CountAsync(), Is.EqualTo(before), "nothing half-written");
        await _driver.ExpectAsync(filed, "Dispatched", EventDriver.Township, "Township");
        await _driver.VerifyAsync(filed.EventId);
    }

    [TestCase("""{"unitCode": "140521", "reason": "改派", "floor": "Grid"}""")]
    [TestCase("""{"unitCode": "140521", "reason": """)]
    public async Task A_malformed_reassignment_is_400(string json)
    {
        var filed = await _driver.FileAsync(2, "Township");
        var before = await _driver.CountAsync();

        var response = await _driver.PostJsonAsync("d" + EventDriver.Township, $"/api/events/{filed.EventId}/reassign", json);

        await EventDriver.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(await _driver.CountAsync(), Is.EqualTo(before), "nothing half-written");
        await _driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task An_idempotency_key_over_200_characters_is_400_naming_the_header()
    {
        var before = await _driver.CountAsync();

        var response = await _driver.PostJsonAsync(EventDriver.GridMember, "/api/events", await _driver.ReportJsonAsync(), new string('k', 201));

        var problem = await EventDriver.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain("idempotency-Key").IgnoreCase, problem.ToString());
        Assert.That(await _driver.CountAsync(), Is.EqualTo(before));
    }

    // Several rounds, as a lost race is not certain in any one of them.
    [Test]
    public async Task Completing_a_task_that_another_request_completes_at_the_same_moment_is_409()
    {
        for (var round = 0; round < 10; round++)
        {
            var filed = await _driver.FileAsync(2, "Township");
            var path = $"/api/tasks/{filed.TaskId("handle")}/complete";
            var body = JsonSerializer.Serialize(new { outcome = "resolved", data = new { resolution = "已处置" } });

            var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _driver.PostJsonAsync("d" + EventDriver.Township, path, body)));

            var journal = await _driver.VerifyAsync(filed.EventId);
            Assert.That(journal.Count(e => e.GetProperty("kind").GetString() == "TaskCompleted" && e.GetProperty("nodeId").GetString() == "handle"), Is.EqualTo(1));

            // The losers saw the task open before the winner committed; the engine then finds it closed: still 409.
            Assert.That(responses.Select(r => r.StatusCode).Order(),
                Is.EqualTo(new[] { HttpStatusCode.OK }.Concat(Enumerable.Repeat(HttpStatusCode.Conflict, 9))),
                string.Join("\n", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))));
        }
    }

    /// <summary>Posts a completion of the task at <paramref name="nodeId"/> as its queue's user; expects 400 and nothing stored.</summary>
    private async Task<JsonElement> RefusedCompletionAsync(EventStep at, string nodeId, string json)
    {
        var before = await _driver.CountAsync();
        var journal = await _driver.JournalAsync(at.EventId);
        var response = await _driver.PostJsonAsync(EventDriver.UserFor(at.Queue(nodeId)), $"/api/tasks/{at.TaskId(nodeId)}/complete", json, Guid.NewGuid().ToString("N"));
        var problem = await EventDriver.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(await _driver.CountAsync(), Is.EqualTo(before), "nothing half-written");
        Assert.That(await _driver.JournalAsync(at.EventId), Has.Count.EqualTo(journal.Count));
        return problem;
    }

    /// <summary>After a refusal the task is still open and the case goes on to close, its trace intact.</summary>
    private async Task StillWorksAsync(EventStep reported)
    {
        var closed = await _driver.CompleteAsync(reported, "triage", "invalid", new { closure = "duplicate", reason = "与已上报事件重复" });
        Assert.That(closed.Status, Is.EqualTo("Closed"));
        await _driver.VerifyAsync(reported.EventId);
    }
}

/// <summary>A body whose length the client cannot tell, so it is sent chunked.</summary>
internal sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;
}
