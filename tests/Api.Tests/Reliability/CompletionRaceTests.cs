using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;
using GridCase.Testing;
using Npgsql;

namespace GridCase.Api.Tests.Reliability;

/// <summary>
/// Two API nodes — two <c>dotnet GridCase.Api.dll</c> processes — on one PostgreSQL database (sharing one data
/// folder, so the demo signing key and hence the dispatcher's token are the same on both) race to complete the
/// same triage tasks: each task is completed once, the other node's attempt is a 409 problem, nothing is lost and
/// every journal stays whole.
/// </summary>
public sealed class CompletionRaceTests
{
    private const int Cases = 200;
    private const int Batch = 20;
    private const int Verified = 20;
    private const string Dispatcher = "d" + EventDriver.Township;

    private PostgresTestDatabase? _database;
    private string _data = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _database = await PostgresTestDatabase.CreateAsync("gridcase_race");
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

    private Task<ServerProcess> NodeAsync() =>
        ServerProcess.StartAsync(ServerProcessClients.ApiDll(), _data, _database!.ConnectionString, CancellationToken.None);

    [Test]
    public async Task Two_nodes_racing_to_complete_the_same_200_tasks_produce_exactly_one_completion_each()
    {
        var clock = Stopwatch.StartNew();
        await using var nodeA = await NodeAsync(); // node A migrates and seeds first
        await using var nodeB = await NodeAsync();
        TestContext.Out.WriteLine($"node A (pid {nodeA.ProcessId}) answered {nodeA.FirstCommand.TotalSeconds:F1} s after its start, "
            + $"node B (pid {nodeB.ProcessId}) {nodeB.FirstCommand.TotalSeconds:F1} s after its start");
        var driverA = new EventDriver(nodeA.ClientForAsync);
        var reporter = await driverA.ClientAsync(Dispatcher);
        var body = await driverA.ReportBodyAsync("两节点抢办");

        var tasks = new (Guid EventId, string TaskId)[Cases];
        async Task ReportAsync(int i)
        {
            var created = new EventStep(await EventDriver.JsonAsync(await reporter.PostAsJsonAsync("/api/events", body), HttpStatusCode.Created));
            tasks[i] = (created.EventId, created.TaskId("triage"));
        }

        // All at once from the very first report: on a fresh database the first reports of a year race to create
        // the case-number counter, which once aborted the losers' transactions on PostgreSQL (a 500).
        await Parallel.ForEachAsync(Enumerable.Range(0, Cases), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            await ReportAsync(i));
        var reported = clock.Elapsed;

        using var onA = await nodeA.ClientForAsync(Dispatcher);
        using var onB = await nodeB.ClientForAsync(Dispatcher);
        var completion = new { outcome = "filed", data = new { difficulty = 2, scope = "Township" } };
        var answers = new List<(string TaskId, string Node, HttpStatusCode Status, string? MediaType, string Text)>();
        var race = Stopwatch.StartNew();
        foreach (var chunk in tasks.Chunk(Batch))
        {
            var sent = chunk.SelectMany(t => new[] { ("A", onA), ("B", onB) }.Select(async n =>
            {
                using var response = await n.Item2.PostAsJsonAsync($"/api/tasks/{t.TaskId}/complete", completion);
                return (t.TaskId, n.Item1, response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
            }));
            answers.AddRange(await Task.WhenAll(sent));
        }

        race.Stop();
        var perTask = answers.GroupBy(a => a.TaskId).ToDictionary(g => g.Key, g => g.ToList());
        var serverErrors = answers.Where(a => (int)a.Status >= 500).ToList();
        var notOneEach = perTask.Where(p => !p.Value.Select(a => a.Status).Order().SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict])).ToList();
        var conflicts = answers.Where(a => a.Status == HttpStatusCode.Conflict).ToList();
        TestContext.Out.WriteLine($"reported {Cases} in {reported.TotalSeconds:F1} s; raced {answers.Count} completions in {race.Elapsed.TotalSeconds:F1} s; "
            + $"wins A={answers.Count(a => a.Status == HttpStatusCode.OK && a.Node == "A")} B={answers.Count(a => a.Status == HttpStatusCode.OK && a.Node == "B")}; "
            + "409 types: " + string.Join(", ", conflicts.GroupBy(c => ProblemType(c.Text)).Select(g => $"{g.Key}×{g.Count()}")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(perTask, Has.Count.EqualTo(Cases));
            Assert.That(serverErrors.Select(e => $"{e.Node} {e.TaskId}: {(int)e.Status} {e.Text}"), Is.Empty, "no 5xx");
            Assert.That(notOneEach.Select(p => $"{p.Key}: {string.Join(" / ", p.Value.Select(a => $"{a.Node} {(int)a.Status} {a.Text}"))}"), Is.Empty,
                "every task: exactly one 200 and one 409");
            Assert.That(conflicts.Select(c => c.MediaType), Is.All.EqualTo("application/problem+json"));
        }

        var journals = await JournalsAsync(tasks.Select(t => t.EventId).ToArray());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(journals, Has.Count.EqualTo(Cases), "every case has a journal");
            foreach (var (id, entries) in journals)
            {
                Assert.That(entries.Count(e => e.Kind == "TaskCompleted" && e.NodeId == "triage"), Is.EqualTo(1), $"{id}: one triage completion");
                var seqs = entries.Select(e => e.Seq).ToList();
                Assert.That(seqs, Is.EqualTo(Enumerable.Range((int)seqs[0], seqs.Count).Select(s => (long)s)), $"{id}: contiguous seqs");
            }

            Assert.That(journals.Values.Select(e => e[0].Seq).Distinct().Count(), Is.EqualTo(1), "every journal starts at the same seq");
        }

        var auditor = new EventDriver(nodeB.ClientForAsync);
        foreach (var (eventId, _) in tasks.Take(Verified))
        {
            await auditor.VerifyAsync(eventId);
        }

        TestContext.Out.WriteLine($"total {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static string ProblemType(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.GetProperty("type").GetString() ?? "(none)";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "(not a problem)";
        }
    }

    private async Task<Dictionary<Guid, List<(long Seq, string Kind, string? NodeId)>>> JournalsAsync(Guid[] ids)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            """SELECT "InstanceId", "Seq", "Kind", "NodeId" FROM journal_entries WHERE "InstanceId" = ANY(@ids) ORDER BY "InstanceId", "Seq" """, connection);
        query.Parameters.AddWithValue("ids", ids);
        await using var reader = await query.ExecuteReaderAsync();
        var journals = new Dictionary<Guid, List<(long, string, string?)>>();
        while (await reader.ReadAsync())
        {
            var id = reader.GetGuid(0);
            if (!journals.TryGetValue(id, out var list))
            {
                journals[id] = list = [];
            }

            list.Add((reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return journals;
    }
}
