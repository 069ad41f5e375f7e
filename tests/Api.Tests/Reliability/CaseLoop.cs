using System.Net;
using System.Text;
using System.Text.Json;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;
using GridCase.Testing;

namespace GridCase.Api.Tests.Reliability;

/// <summary>A command as sent, with its <c>Idempotency-Key</c>, so that it can be sent again after a kill.</summary>
public sealed record SentCommand(string Path, string Json, string Key, string? TaskId, string? Title);

/// <summary>What the client that drives a case knows about it: what the server acknowledged and what was in flight.</summary>
public sealed class TrackedCase(int number)
{
    public int Number { get; } = number;

    /// <summary>Each report attempt has its own title; an attempt that never landed is not tried again.</summary>
    public int Attempt { get; set; }

    public Guid? Id { get; set; }

    /// <summary>Completions acknowledged, in order: 0 after the report, <see cref="CaseLoop.Steps"/>.Length when closed.</summary>
    public int Done { get; set; }

    public string? NextTaskId { get; set; }

    /// <summary>Sent, no answer: the server was killed (or the connection dropped) before it answered.</summary>
    public SentCommand? InFlight { get; set; }

    public List<string> CompletedTaskIds { get; } = [];

    /// <summary>Titles of report attempts that must not exist: their key was claimed but the work never committed.</summary>
    public List<string> NeverLanded { get; } = [];

    /// <summary>An answer the server should not have given; the case is no longer driven, only audited.</summary>
    public bool Broken { get; set; }

    public bool Closed => Done == CaseLoop.Steps.Length;
}

/// <summary>How the commands that were in flight at a kill turned out when sent again with their keys.</summary>
public sealed class InFlightOutcomes
{
    private int _replayed;
    private int _claimedNotDone;
    private int _executedNow;

    /// <summary>Had committed before the kill: the stored answer came back.</summary>
    public int Replayed => _replayed;

    /// <summary>The key was claimed but the work never committed: 409 idempotency-in-flight (a claim expires after 2 minutes).</summary>
    public int ClaimedNotDone => _claimedNotDone;

    /// <summary>Never reached the server's idempotency claim: done now.</summary>
    public int ExecutedNow => _executedNow;

    public void Count(bool? replayed)
    {
        _ = replayed switch
        {
            true => Interlocked.Increment(ref _replayed),
            false => Interlocked.Increment(ref _executedNow),
            null => Interlocked.Increment(ref _claimedNotDone),
        };
    }

    public override string ToString() => $"{Replayed} had landed (replayed), {ClaimedNotDone} claimed but not done (409 in flight), {ExecutedNow} done on retry";
}

/// <summary>
/// Drives cases through the default loop on one server process as the township dispatcher, every command with its
/// own <c>Idempotency-Key</c>: report → triage (filed) → handle (resolved) → verify (confirmed) → evaluate
/// (evaluated), each next task taken from the previous answer. After a restart it sends the commands left in flight
/// again and audits cases as the auditor. Problems are collected as lines, not thrown, so one cycle reports them all.
/// </summary>
public sealed class CaseLoop : IDisposable
{
    public static readonly (string Node, string Outcome, object? Data)[] Steps =
    [
        ("triage", "filed", new { difficulty = 2, scope = "Township" }),
        ("handle", "resolved", new { resolution = "已清理焚烧点" }),
        ("verify", "confirmed", null),
        ("evaluate", "evaluated", new { satisfaction = 5 }),
    ];

    private const string Dispatcher = "d" + EventDriver.Township;

    private readonly HttpClient _dispatcher;
    private readonly HttpClient _auditor;
    private readonly EventDriver _driver;
    private readonly string _tag;
    private readonly List<string> _problems;
    private int _acknowledged;

    private CaseLoop(HttpClient dispatcher, HttpClient auditor, EventDriver driver, string tag, List<string> problems)
    {
        _dispatcher = dispatcher;
        _auditor = auditor;
        _driver = driver;
        _tag = tag;
        _problems = problems;
    }

    public static async Task<CaseLoop> ConnectAsync(ServerProcess server, string tag, List<string> problems)
    {
        var dispatcher = await server.ClientForAsync(Dispatcher);
        var auditor = await server.ClientForAsync("auditor");
        // The driver only builds report bodies: it reads the catalogue item once, here, as the dispatcher.
        var driver = new EventDriver(user => Task.FromResult(user == Dispatcher ? dispatcher : throw new ArgumentException(user)));
        await driver.ItemAsync();
        return new CaseLoop(dispatcher, auditor, driver, tag, problems);
    }

    /// <summary>Commands answered 2xx while working cases on this server.</summary>
    public int Acknowledged => _acknowledged;

    public string TitleOf(TrackedCase c) => $"{_tag} 第{c.Number}件 #{c.Attempt}";

    public static bool IsTransportFailure(Exception e) => e is HttpRequestException or IOException or TaskCanceledException;

    /// <summary>
    /// Works the case until it is closed or <paramref name="stop"/> is set; a transport failure (the kill) propagates
    /// and leaves the command in <see cref="TrackedCase.InFlight"/>.
    /// </summary>
    public async Task AdvanceAsync(TrackedCase c, CancellationToken stop)
    {
        while (!c.Closed && !c.Broken && !stop.IsCancellationRequested)
        {
            var command = c.Id is null ? await ReportAsync(c) : Complete(c);
            c.InFlight = command;
            var answer = await SendAsync(command);
            c.InFlight = null;
            if (Apply(c, command, answer))
            {
                Interlocked.Increment(ref _acknowledged);
            }
        }
    }

    /// <summary>
    /// Sends the command left in flight at the kill again, with its key. It had committed (the stored answer), or its
    /// key had been claimed and the work did not commit (409 idempotency-in-flight: the report must not exist, the
    /// task must still be open), or it never got that far (done now). Anything else is a problem.
    /// </summary>
    public async Task ResolveInFlightAsync(TrackedCase c, InFlightOutcomes outcomes)
    {
        var command = c.InFlight!;
        var answer = await SendAsync(command);
        c.InFlight = null;
        if (answer.Status == HttpStatusCode.Conflict && ProblemType(answer.Text).EndsWith("idempotency-in-flight", StringComparison.Ordinal))
        {
            outcomes.Count(null);
            if (command.TaskId is null)
            {
                c.NeverLanded.Add(command.Title!);
                c.Attempt++;
            }

            return;
        }

        if (Apply(c, command, answer))
        {
            outcomes.Count(answer.Replayed);
        }
    }

    /// <summary>
    /// What a restart must keep: the case exists; its journal is seqs 1..n; it holds exactly the acknowledged task
    /// completions, each once; the chain verifies and re-execution matches; it is closed, or has an open task, or a
    /// pending timer; and it stands where its client left it (the next task open, or closed).
    /// </summary>
    public async Task AuditAsync(TrackedCase c, Func<Guid, Task<int>> pendingTimers)
    {
        if (c.Id is not { } id)
        {
            return;
        }

        var name = $"case #{c.Number} {id}";
        using var detail = await _auditor.GetAsync($"/api/events/{id}");
        if (detail.StatusCode != HttpStatusCode.OK)
        {
            Problem($"{name}: acknowledged, but GET /api/events/{{id}} → {(int)detail.StatusCode} {await detail.Content.ReadAsStringAsync()}");
            return;
        }

        var file = JsonDocument.Parse(await detail.Content.ReadAsStringAsync()).RootElement;
        var status = file.GetProperty("status").GetString();
        var open = file.GetProperty("openTasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();

        if (await JsonAsync($"/api/events/{id}/journal") is not { } journal || await JsonAsync($"/api/events/{id}/journal/verify") is not { } verify)
        {
            return;
        }

        var seqs = journal.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
        if (!seqs.SequenceEqual(Enumerable.Range(1, seqs.Count).Select(s => (long)s)))
        {
            Problem($"{name}: journal seqs are not 1..{seqs.Count}: {string.Join(",", seqs)}");
        }

        var completed = journal.EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "TaskCompleted")
            .Select(e => e.GetProperty("data").GetProperty("taskId").GetString())
            .ToList();
        if (!completed.SequenceEqual(c.CompletedTaskIds))
        {
            Problem($"{name}: the journal completes tasks [{string.Join(", ", completed)}], acknowledged were [{string.Join(", ", c.CompletedTaskIds)}]");
        }

        if (!verify.GetProperty("chainValid").GetBoolean() || !verify.GetProperty("replayMatches").GetBoolean() || verify.GetProperty("entries").GetInt32() != seqs.Count)
        {
            Problem($"{name}: verify {verify}");
        }

        if (status != "Closed" && open.Count == 0 && await pendingTimers(id) == 0)
        {
            Problem($"{name}: stuck — {status}, no open task, no pending timer");
        }

        if (c.Closed ? status != "Closed" : !c.Broken && !open.Contains(c.NextTaskId))
        {
            Problem($"{name}: after {c.Done} acknowledged completions expected {(c.Closed ? "Closed" : $"task {c.NextTaskId} open")}, found {status} with [{string.Join(", ", open)}]");
        }
    }

    private async Task<SentCommand> ReportAsync(TrackedCase c)
    {
        var title = TitleOf(c);
        return new SentCommand("/api/events", await _driver.ReportJsonAsync(title), Guid.NewGuid().ToString("N"), null, title);
    }

    private static SentCommand Complete(TrackedCase c)
    {
        var (_, outcome, data) = Steps[c.Done];
        var json = JsonSerializer.Serialize(data is null ? new { outcome } : (object)new { outcome, data });
        return new SentCommand($"/api/tasks/{c.NextTaskId}/complete", json, Guid.NewGuid().ToString("N"), c.NextTaskId, null);
    }

    private async Task<(HttpStatusCode Status, string Text, bool Replayed)> SendAsync(SentCommand command)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, command.Path) { Content = new StringContent(command.Json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", command.Key);
        using var response = await _dispatcher.SendAsync(request);
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var flag) && flag.Single() == "true";
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), replayed);
    }

    /// <summary>Takes an answer into the case: true when it was the expected 2xx with the next task (or the closure).</summary>
    private bool Apply(TrackedCase c, SentCommand command, (HttpStatusCode Status, string Text, bool Replayed) answer)
    {
        var expected = command.TaskId is null ? HttpStatusCode.Created : HttpStatusCode.OK;
        if (answer.Status != expected)
        {
            c.Broken = true;
            Problem($"case #{c.Number}: POST {command.Path} → {(int)answer.Status} {answer.Text}");
            return false;
        }

        var json = JsonDocument.Parse(answer.Text).RootElement;
        if (command.TaskId is null)
        {
            c.Id = json.GetProperty("id").GetGuid();
        }
        else
        {
            c.CompletedTaskIds.Add(command.TaskId);
            c.Done++;
        }

        if (c.Closed)
        {
            if (json.GetProperty("eventStatus").GetString() != "Closed")
            {
                c.Broken = true;
                Problem($"case #{c.Number}: the last step did not close the case: {answer.Text}");
            }

            return true;
        }

        var node = Steps[c.Done].Node;
        var next = json.GetProperty("openTasks").EnumerateArray().Where(t => t.GetProperty("nodeId").GetString() == node).ToList();
        if (next.Count != 1)
        {
            c.Broken = true;
            Problem($"case #{c.Number}: expected one open {node} task after POST {command.Path}: {answer.Text}");
            return true;
        }

        c.NextTaskId = next[0].GetProperty("id").GetString();
        return true;
    }

    private async Task<JsonElement?> JsonAsync(string path)
    {
        using var response = await _auditor.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Problem($"GET {path} → {(int)response.StatusCode} {text}");
            return null;
        }

        return JsonDocument.Parse(text).RootElement;
    }

    private static string ProblemType(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.GetProperty("type").GetString() ?? "";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "";
        }
    }

    public void Dispose()
    {
        _dispatcher.Dispose();
        _auditor.Dispose();
    }

    private void Problem(string line)
    {
        lock (_problems)
        {
            _problems.Add(line);
        }
    }
}
