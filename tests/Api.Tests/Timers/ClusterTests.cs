using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridCase.Api.Tests.Support;
using Npgsql;

namespace GridCase.Api.Tests.Timers;

/// <summary>
/// Two API nodes clustered on one PostgreSQL database, real Quartz, real clock: every timer fires exactly once
/// whichever node fires it, and when a node stops, the other fires the timers it left behind.
/// <code>
///   start ─▶ wait(PT6S) ─▶ handle ─▶ end
/// </code>
/// </summary>
public sealed class ClusterTests
{
    private const int Timers = 200;
    private const int LeftBehind = 40;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    private PostgresTestDatabase? _database;
    private string _connection = null!;
    private string _data = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _database = await PostgresTestDatabase.CreateAsync("gridcase_cluster");
        _connection = _database.ConnectionString;
        // Both nodes share the data folder only for the demo signing key, so one node's token works on the other.
        _data = Path.Combine(Path.GetTempPath(), "gridcase-api-tests", Guid.NewGuid().ToString("N"));
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is null)
        {
            return;
        }

        await _database.DisposeAsync();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private GridCaseApiFactory Node() => new("postgres", _connection, dataDirectory: _data);

    private static string Definition(string id) => $$"""
        {
          "id": "{{id}}", "name": "六秒定时", "variables": {},
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "Timer", "title": "等待六秒", "props": { "duration": "PT6S" } },
            { "id": "handle", "type": "HumanTask", "title": "处置", "props": { "queue": { "level": "Township" }, "form": "handle", "outcomes": ["done"] } },
            { "id": "end", "type": "End", "props": { "closureCode": "resolved" } }
          ],
          "connections": [
            { "from": "start", "outcome": "done", "to": "wait" },
            { "from": "wait", "outcome": "done", "to": "handle" },
            { "from": "handle", "outcome": "done", "to": "end" }
          ]
        }
        """;

    private static async Task<List<string>> StartCasesAsync(GridCaseApiFactory node, string definitionId, int count)
    {
        using var dispatcher = await node.ClientForAsync("d140521100");
        var item = JsonDocument.Parse(await dispatcher.GetStringAsync("/api/catalogue?county=140521")).RootElement
            .GetProperty("categories")[0].GetProperty("items")[0].GetProperty("code").GetString();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var response = await dispatcher.PostAsJsonAsync("/api/events", new
            {
                catalogueItemCode = item, gridCode = "140521100001001", channel = "Video", title = $"定时 {i}", workflowDefinitionId = definitionId,
            });
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.IsSuccessStatusCode, Is.True, text);
            ids.Add(JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!);
        }

        return ids;
    }

    /// <summary>Per case: how many times its timer fired, and how late (fired minus due) each firing was.</summary>
    private async Task<Dictionary<Guid, List<TimeSpan>>> FiringsAsync()
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""SELECT "InstanceId", "At", "Data" FROM journal_entries WHERE "Kind" = 'TimerFired'""", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var firings = new Dictionary<Guid, List<TimeSpan>>();
        while (await reader.ReadAsync())
        {
            var at = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
            var due = JsonDocument.Parse(reader.GetString(2)).RootElement.GetProperty("dueAt").GetDateTime().ToUniversalTime();
            var id = reader.GetGuid(0);
            if (!firings.TryGetValue(id, out var list))
            {
                firings[id] = list = [];
            }

            list.Add(at - due);
        }

        return firings;
    }

    private async Task<Dictionary<Guid, List<TimeSpan>>> WaitForAsync(IReadOnlyCollection<string> caseIds)
    {
        var wanted = caseIds.Select(Guid.Parse).ToHashSet();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var firings = await FiringsAsync();
            if (wanted.All(firings.ContainsKey) || waited.Elapsed > Patience)
            {
                return firings;
            }

            await Task.Delay(250);
        }
    }

    [Test]
    public async Task Timers_fire_exactly_once_across_two_nodes_and_survive_a_node_stopping()
    {
        var definitionId = "six-seconds-" + Guid.NewGuid().ToString("N")[..6];
        await using var nodeB = Node();
        using (var admin = await nodeB.ClientForAsync("admin"))
        {
            (await admin.PutAsync($"/api/workflow-definitions/{definitionId}/draft", new StringContent(Definition(definitionId), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/publish", new { changeNote = "六秒" })).EnsureSuccessStatusCode();
        }

        List<string> both;
        List<string> leftBehind;
        var nodeA = Node();
        try
        {
            _ = nodeA.Server; // start node A too: both nodes now run Quartz on the same job store
            both = await StartCasesAsync(nodeA, definitionId, Timers);
            var firings = await WaitForAsync(both);
            var lateness = both.Select(id => firings.GetValueOrDefault(Guid.Parse(id)) ?? []).ToList();
            Assert.That(lateness.Select(l => l.Count), Is.All.EqualTo(1), "each of the 200 timers fired exactly once");
            Assert.That(lateness.SelectMany(l => l), Is.All.GreaterThanOrEqualTo(TimeSpan.Zero), "no timer fired early");
            Report("two nodes", lateness.SelectMany(l => l).ToList());

            leftBehind = await StartCasesAsync(nodeA, definitionId, LeftBehind);
        }
        finally
        {
            await nodeA.DisposeAsync(); // stops before any of the last timers is due
        }

        var afterStop = await WaitForAsync(leftBehind);
        var left = leftBehind.Select(id => afterStop.GetValueOrDefault(Guid.Parse(id)) ?? []).ToList();
        Assert.That(left.Select(l => l.Count), Is.All.EqualTo(1), "the remaining node fired every timer the stopped node left behind, once");
        Assert.That(left.SelectMany(l => l), Is.All.GreaterThanOrEqualTo(TimeSpan.Zero));
        Report("after a node stopped", left.SelectMany(l => l).ToList());
    }

    private static void Report(string what, List<TimeSpan> lateness)
    {
        var sorted = lateness.Order().ToList();
        TimeSpan At(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        TestContext.Out.WriteLine(
            $"lateness {what}: n={sorted.Count} p50={At(0.50).TotalMilliseconds:F0} ms p99={At(0.99).TotalMilliseconds:F0} ms max={sorted[^1].TotalMilliseconds:F0} ms");
    }
}
