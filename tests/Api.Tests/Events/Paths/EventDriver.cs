using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridCase.Api.Tests.Support;
using GridCase.Persistence;
using GridCase.Persistence.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Api.Tests.Events.Paths;

/// <summary>
/// Walks cases of the default workflow through HTTP as the demo users: reports in grid 1 of 梅杏社区 (沁水县
/// 龙港镇), completes the task at a node id as the user of the unit whose queue holds it, and checks the
/// trace. One per fixture; it keeps a signed-in client per user. It drives the API in process or a server
/// process (<c>signIn</c> gives a signed-in client of either).
/// </summary>
public sealed class EventDriver(Func<string, Task<HttpClient>> signIn, GridCaseApiFactory? factory = null)
{
    public const string Grid = "140521100001001";
    public const string Village = "140521100001";
    public const string Township = "140521100";
    public const string County = "140521";
    public const string City = "140500";

    /// <summary>沁水县生态环境分局, the owning department of the item cases are reported under.</summary>
    public const string Department = "140521HB";

    public const string GridMember = "g" + Grid;

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private string? _item;

    public EventDriver(GridCaseApiFactory factory)
        : this(factory.ClientForAsync, factory)
    {
    }

    /// <summary>The demo user who works a unit's queue: grid member, village or department handler, dispatcher.</summary>
    public static string UserFor(string unit) => unit switch
    {
        { Length: 15 } => "g" + unit,
        { Length: 6 or 9 } when unit.All(char.IsAsciiDigit) => "d" + unit,
        _ => "h" + unit,
    };

    public async Task<HttpClient> ClientAsync(string userName)
    {
        if (!_clients.TryGetValue(userName, out var client))
        {
            client = await signIn(userName);
            _clients[userName] = client;
        }

        return client;
    }

    /// <summary>A catalogue item of 沁水县 owned by <see cref="Department"/>, read from the catalogue route.</summary>
    public async Task<string> ItemAsync()
    {
        if (_item is null)
        {
            var client = await ClientAsync("d" + Township);
            var catalogue = await JsonAsync(await client.GetAsync("/api/catalogue?county=" + County), HttpStatusCode.OK);
            _item = catalogue.GetProperty("categories").EnumerateArray()
                .SelectMany(c => c.GetProperty("items").EnumerateArray())
                .First(i => i.GetProperty("owningDepartment").GetString() == Department)
                .GetProperty("code").GetString()!;
        }

        return _item;
    }

    public async Task<object> ReportBodyAsync(string title = "河边露天焚烧垃圾") => new
    {
        catalogueItemCode = await ItemAsync(),
        gridCode = Grid,
        channel = "GridPatrol",
        title,
        description = "浓烟较大，影响周边居民",
        reporter = new { name = "李四", phone = "13912345678" },
    };

    /// <summary>Reports an event as the grid member (201) and checks it waits for triage at the township.</summary>
    public async Task<EventStep> ReportAsync(string reporter = GridMember)
    {
        var client = await ClientAsync(reporter);
        var created = new EventStep(await JsonAsync(await client.PostAsJsonAsync("/api/events", await ReportBodyAsync()), HttpStatusCode.Created));
        Assert.That(created.Status, Is.EqualTo("Reported"));
        Assert.That(created.Queue("triage"), Is.EqualTo(Township));
        return created;
    }

    /// <summary>Reports and files the event with a difficulty and scope (the township dispatcher triages).</summary>
    public async Task<EventStep> FileAsync(int difficulty, string scope) =>
        await CompleteAsync(await ReportAsync(), "triage", "filed", new { difficulty, scope });

    /// <summary>Completes the open task at <paramref name="nodeId"/> as the user of its queue's unit (200).</summary>
    public async Task<EventStep> CompleteAsync(EventStep at, string nodeId, string outcome, object? data = null)
    {
        var response = await PostCompleteAsync(at, nodeId, outcome, data);
        return new EventStep(await JsonAsync(response, HttpStatusCode.OK));
    }

    /// <summary>Posts the completion of the task at <paramref name="nodeId"/> as its queue's user, whatever the answer.</summary>
    public async Task<HttpResponseMessage> PostCompleteAsync(EventStep at, string nodeId, string outcome, object? data = null)
    {
        var client = await ClientAsync(UserFor(at.Queue(nodeId)));
        return await client.PostAsJsonAsync($"/api/tasks/{at.TaskId(nodeId)}/complete", new { outcome, data });
    }

    /// <summary>Posts a JSON text as <paramref name="userName"/>, with an <c>Idempotency-Key</c> when one is given.</summary>
    public async Task<HttpResponseMessage> PostJsonAsync(string userName, string path, string json, string? idempotencyKey = null)
    {
        var client = await ClientAsync(userName);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public async Task<string> ReportJsonAsync(string title = "河边露天焚烧垃圾") => JsonSerializer.Serialize(await ReportBodyAsync(title));

    public async Task<HttpResponseMessage> ReassignAsync(Guid eventId, string dispatcher, string unitCode, string reason = "工作需要改派")
    {
        var client = await ClientAsync(dispatcher);
        return await client.PostAsJsonAsync($"/api/events/{eventId}/reassign", new { unitCode, reason });
    }

    /// <summary>The engine's view of the case now (responsible unit, floor, status, closure code), as the auditor replays it.</summary>
    public async Task<JsonElement> ReplayAsync(Guid eventId)
    {
        var auditor = await ClientAsync("auditor");
        return await JsonAsync(await auditor.GetAsync($"/api/events/{eventId}/replay"), HttpStatusCode.OK);
    }

    /// <summary>The case file as the auditor reads it (GET /api/events/{id}).</summary>
    public async Task<JsonElement> CaseAsync(Guid eventId)
    {
        var auditor = await ClientAsync("auditor");
        return await JsonAsync(await auditor.GetAsync($"/api/events/{eventId}"), HttpStatusCode.OK);
    }

    /// <summary>Where the case stands now as a step (its open tasks), to work tasks opened by timers or other people.</summary>
    public async Task<EventStep> NowAsync(Guid eventId)
    {
        var file = await CaseAsync(eventId);
        return new EventStep(JsonSerializer.SerializeToElement(new
        {
            eventId,
            eventStatus = file.GetProperty("status").GetString(),
            responsibleUnit = file.GetProperty("responsibleUnit").GetString(),
            openTasks = file.GetProperty("openTasks"),
        }));
    }

    public async Task<IReadOnlyList<JsonElement>> JournalAsync(Guid eventId)
    {
        var auditor = await ClientAsync("auditor");
        return (await JsonAsync(await auditor.GetAsync($"/api/events/{eventId}/journal"), HttpStatusCode.OK)).EnumerateArray().ToList();
    }

    /// <summary>
    /// Asserts where the case stands after a step: its status and responsible unit from the step response (a
    /// report's 201 has no responsible unit), the same in the case file with its floor, the same responsible unit
    /// and floor in the workflow's replayed state, and — once the floor has reached the township — no open task
    /// in a grid's queue.
    /// </summary>
    public async Task ExpectAsync(EventStep step, string status, string responsibleUnit, string floor)
    {
        var replay = await ReplayAsync(step.EventId);
        var file = await CaseAsync(step.EventId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.GetProperty("status").GetString(), Is.EqualTo(status), file.ToString());
            Assert.That(file.GetProperty("responsibleUnit").GetString(), Is.EqualTo(responsibleUnit), file.ToString());
            Assert.That(file.GetProperty("floor").GetString(), Is.EqualTo(floor), file.ToString());
            Assert.That(step.Status, Is.EqualTo(status), step.ToString());
            if (step.Json.TryGetProperty("responsibleUnit", out _))
            {
                Assert.That(step.ResponsibleUnit, Is.EqualTo(responsibleUnit), step.ToString());
            }

            Assert.That(replay.GetProperty("responsibleUnit").GetString(), Is.EqualTo(responsibleUnit), replay.ToString());
            Assert.That(replay.GetProperty("floor").GetString(), Is.EqualTo(floor), replay.ToString());
        }

        if (floor is not ("Grid" or "Village"))
        {
            Assert.That(step.OpenTasks.Select(t => t.GetProperty("queue").GetString()), Has.None.Length.EqualTo(Grid.Length), step.ToString());
        }
    }

    /// <summary>
    /// Ends every path: the hash chain holds and re-execution matches, every entry names its actor, and no disposal
    /// task was opened in a grid's queue after the case was routed to the township or above or to a department (a
    /// check or a visit — a task opened with a <c>purpose</c> — may go to the grid member).
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> VerifyAsync(Guid eventId)
    {
        var auditor = await ClientAsync("auditor");
        var verify = await JsonAsync(await auditor.GetAsync($"/api/events/{eventId}/journal/verify"), HttpStatusCode.OK);
        var journal = await JournalAsync(eventId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(verify.GetProperty("chainValid").GetBoolean(), Is.True, verify.ToString());
            Assert.That(verify.GetProperty("replayMatches").GetBoolean(), Is.True, verify.ToString());
            Assert.That(verify.GetProperty("entries").GetInt32(), Is.EqualTo(journal.Count));
            Assert.That(journal.Select(e => e.GetProperty("actor").GetProperty("userId").GetString()), Is.All.Not.Null.And.Not.Empty);
            Assert.That(TasksOpenedAtGridAfterTheFloorRose(journal), Is.Empty);
        }

        return journal;
    }

    private static List<long> TasksOpenedAtGridAfterTheFloorRose(IReadOnlyList<JsonElement> journal)
    {
        var risen = false;
        var offending = new List<long>();
        foreach (var entry in journal)
        {
            var kind = entry.GetProperty("kind").GetString();
            var data = entry.GetProperty("data");
            if (kind is "Routed" or "Escalated" && data.GetProperty("floor").GetString() is "Township" or "County" or "City")
            {
                risen = true;
            }
            else if (risen && kind == "TaskOpened" && data.GetProperty("queue").GetString()!.Length == Grid.Length
                     && !data.TryGetProperty("purpose", out _))
            {
                offending.Add(entry.GetProperty("seq").GetInt64());
            }
        }

        return offending;
    }

    /// <summary>What is stored, counted straight from the database: a refused request must leave these unchanged.</summary>
    public async Task<StoredCounts> CountAsync()
    {
        var api = factory ?? throw new InvalidOperationException("Counting reads the database of the API in process.");
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        return new StoredCounts(
            await db.Cases.CountAsync(),
            await db.WorkflowInstances.CountAsync(),
            await db.JournalEntries.CountAsync(),
            await db.WorkflowTasks.CountAsync(),
            await db.Set<IdempotencyRecord>().CountAsync());
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a refusal: the status, a ProblemDetails body, and its <c>type</c>; returns the body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)expected), text);
        Assert.That(problem.GetProperty("type").GetString(), Is.Not.Empty, text);
        return problem;
    }
}

public sealed record StoredCounts(int Cases, int Instances, int JournalEntries, int Tasks, int IdempotencyKeys);

/// <summary>
/// A step's answer: the 201 of a report (<c>id</c>, <c>status</c>) or the 200 of a task or reassignment
/// (<c>eventId</c>, <c>eventStatus</c>, <c>responsibleUnit</c>); both carry <c>openTasks</c>.
/// </summary>
public sealed record EventStep(JsonElement Json)
{
    public Guid EventId => (Json.TryGetProperty("eventId", out var id) ? id : Json.GetProperty("id")).GetGuid();

    public string? Status => (Json.TryGetProperty("eventStatus", out var status) ? status : Json.GetProperty("status")).GetString();

    public string? ResponsibleUnit => Json.TryGetProperty("responsibleUnit", out var unit) ? unit.GetString() : null;

    public IReadOnlyList<JsonElement> OpenTasks => Json.GetProperty("openTasks").EnumerateArray().ToList();

    public IReadOnlyList<string?> OpenNodes => OpenTasks.Select(t => t.GetProperty("nodeId").GetString()).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string?> JournalKinds => Json.TryGetProperty("journal", out var kinds) ? kinds.EnumerateArray().Select(k => k.GetString()).ToList() : [];

    public JsonElement Task(string nodeId)
    {
        var tasks = OpenTasks.Where(t => t.GetProperty("nodeId").GetString() == nodeId).ToList();
        Assert.That(tasks, Has.Count.EqualTo(1), $"one open task at {nodeId} in {Json}");
        return tasks[0];
    }

    public string TaskId(string nodeId) => Task(nodeId).GetProperty("id").GetString()!;

    public string Queue(string nodeId) => Task(nodeId).GetProperty("queue").GetString()!;

    public override string ToString() => Json.ToString();
}
