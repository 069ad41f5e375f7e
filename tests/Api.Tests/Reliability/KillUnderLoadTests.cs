using System.Collections.Concurrent;
using System.Diagnostics;
using GridCase.Api.Tests.Support;
using GridCase.Testing;
using Microsoft.Data.Sqlite;

namespace GridCase.Api.Tests.Reliability;

/// <summary>
/// kill -9 of the real server (<c>dotnet GridCase.Api.dll</c> on SQLite) at a random moment under load, 20 times on
/// one data folder. After every restart the server answers within 5 s; every command it acknowledged is there;
/// the commands in flight at the kill, sent again with their <c>Idempotency-Key</c>, either had landed (the stored
/// answer) or left nothing behind; every journal is seqs 1..n and verifies; no case is stuck; and unfinished cases
/// are worked on in the next cycles, until at the end every case is closed.
/// </summary>
public sealed class KillUnderLoadTests
{
    private const int Kills = 20;
    private const int Clients = 5;
    private const int AuditsInParallel = 4;
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(5);

    private string _data = null!;

    [SetUp]
    public void CreateDataFolder() =>
        _data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "gridcase-api-tests", "kill-" + Guid.NewGuid().ToString("N"))).FullName;

    [TearDown]
    public void DeleteDataFolder() => Directory.Delete(_data, recursive: true);

    [Test]
    public async Task Killing_the_server_20_times_under_load_loses_no_acknowledged_command_and_leaves_no_case_broken_or_stuck()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var tag = $"kill9-{seed:x8}";
        TestContext.Out.WriteLine($"seed {seed}, {Clients} clients, data {_data}");
        var clock = Stopwatch.StartNew();
        var dll = ServerProcessClients.ApiDll();
        var database = Path.Combine(_data, "gridcase.db");
        var cases = new List<TrackedCase>();
        var touched = new HashSet<TrackedCase>();
        var ready = new List<TimeSpan>();
        var outcomes = new InFlightOutcomes();
        var problems = new List<string>();
        var acknowledged = 0;
        var killedInFlight = 0;

        for (var start = 0; start <= Kills; start++)
        {
            await using var server = await ServerProcess.StartAsync(dll, _data, null, CancellationToken.None);
            ready.Add(server.FirstCommand);
            using var loop = await CaseLoop.ConnectAsync(server, tag, problems);

            var inFlight = cases.Where(c => c.InFlight is not null).ToList();
            foreach (var c in inFlight)
            {
                await loop.ResolveInFlightAsync(c, outcomes);
            }

            var audited = touched.Count;
            await AuditAsync(loop, touched, database);
            await CheckTitlesAsync(loop, cases, database, tag, problems);
            touched.Clear();
            Assert.That(problems, Is.Empty, $"after start {start} (seed {seed}); the server's last lines:\n{server.Tail()}");
            var line = $"start {start,2}: ready {server.FirstCommand.TotalSeconds:F2} s; {inFlight.Count} in flight sent again, {audited} cases audited";

            if (start == Kills)
            {
                var rest = cases.Where(c => !c.Closed && !c.Broken).ToList();
                await FinishAsync(loop, rest);
                await AuditAsync(loop, cases, database);
                await CheckTitlesAsync(loop, cases, database, tag, problems);
                acknowledged += loop.Acknowledged;
                TestContext.Out.WriteLine($"{line}; {rest.Count} unfinished cases worked to the end, all {cases.Count} audited");
                Assert.That(problems, Is.Empty, $"at the end (seed {seed}); the server's last lines:\n{server.Tail()}");
                break;
            }

            var killAfter = TimeSpan.FromMilliseconds(random.Next(300, 1500));
            var worked = await LoadThenKillAsync(server, loop, cases, killAfter);
            touched.UnionWith(worked);
            acknowledged += loop.Acknowledged;
            var left = cases.Count(c => c.InFlight is not null);
            killedInFlight += left;
            TestContext.Out.WriteLine($"{line}; load {killAfter.TotalMilliseconds:F0} ms: {loop.Acknowledged} commands acknowledged on {worked.Count} cases, "
                + $"{left} in flight at the kill");
        }

        var restarts = ready.Skip(1).Order().ToList();
        TestContext.Out.WriteLine($"{Kills} kills in {clock.Elapsed.TotalSeconds:F1} s: {cases.Count} cases closed, {acknowledged} commands acknowledged, "
            + $"{killedInFlight} in flight at a kill: {outcomes}");
        TestContext.Out.WriteLine($"ready after the first start (demo city seeded) {ready[0].TotalSeconds:F2} s; after a kill: min {restarts[0].TotalSeconds:F2} s, "
            + $"median {restarts[restarts.Count / 2].TotalSeconds:F2} s, max {restarts[^1].TotalSeconds:F2} s");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cases, Is.All.Matches<TrackedCase>(c => c.Closed && c.InFlight is null), "every case worked to the end");
            Assert.That(outcomes.Replayed + outcomes.ClaimedNotDone + outcomes.ExecutedNow, Is.EqualTo(killedInFlight), "every command in flight was sent again");
            Assert.That(ready.Skip(1).Select((t, i) => (Restart: i + 1, t)).Where(r => r.t > ReadyWithin).Select(r => $"restart {r.Restart}: {r.t.TotalSeconds:F2} s"),
                Is.Empty, $"ready (POST /api/auth/token 200) within {ReadyWithin.TotalSeconds} s of the process start after a kill");
        }
    }

    /// <summary>
    /// Clients work unfinished cases first, then new ones; after <paramref name="killAfter"/> no new command is sent and
    /// the server is killed with the rest in flight. Returns the cases worked on.
    /// </summary>
    private static async Task<List<TrackedCase>> LoadThenKillAsync(ServerProcess server, CaseLoop loop, List<TrackedCase> cases, TimeSpan killAfter)
    {
        var unfinished = new ConcurrentQueue<TrackedCase>(cases.Where(c => !c.Closed && !c.Broken));
        var worked = new ConcurrentBag<TrackedCase>();
        using var stop = new CancellationTokenSource();
        async Task ClientAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                if (!unfinished.TryDequeue(out var c))
                {
                    lock (cases)
                    {
                        c = new TrackedCase(cases.Count + 1);
                        cases.Add(c);
                    }
                }

                worked.Add(c);
                try
                {
                    await loop.AdvanceAsync(c, stop.Token);
                }
                catch (Exception e) when (CaseLoop.IsTransportFailure(e))
                {
                    return; // the kill: the command stays in flight, to be sent again after the restart
                }

                if (!c.Closed && !c.Broken)
                {
                    unfinished.Enqueue(c);
                }
            }
        }

        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(ClientAsync)).ToArray();
        await Task.Delay(killAfter);
        await stop.CancelAsync();
        await server.KillAsync();
        await Task.WhenAll(clients);
        return worked.Distinct().ToList();
    }

    private static async Task FinishAsync(CaseLoop loop, List<TrackedCase> rest)
    {
        var queue = new ConcurrentQueue<TrackedCase>(rest);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var c))
            {
                await loop.AdvanceAsync(c, CancellationToken.None);
            }
        })));
    }

    private static async Task AuditAsync(CaseLoop loop, IEnumerable<TrackedCase> cases, string database) =>
        await Parallel.ForEachAsync(cases.ToList(), new ParallelOptions { MaxDegreeOfParallelism = AuditsInParallel },
            async (c, _) => await loop.AuditAsync(c, id => PendingTimersAsync(database, id)));

    /// <summary>
    /// Straight from the database: one case per acknowledged report, none for a report whose key was claimed but never
    /// done, and no case nobody knows of (a report that landed twice, or landed while its retry said otherwise).
    /// </summary>
    private static async Task CheckTitlesAsync(CaseLoop loop, List<TrackedCase> cases, string database, string tag, List<string> problems)
    {
        var stored = new List<(Guid Id, string Title)>();
        await using (var connection = await OpenAsync(database))
        {
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT Id, Title FROM cases WHERE Title LIKE $tag || '%'";
            query.Parameters.AddWithValue("$tag", tag);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add((Guid.Parse(reader.GetString(0)), reader.GetString(1)));
            }
        }

        var expected = cases.Where(c => c.Id is not null).ToDictionary(loop.TitleOf, c => c.Id!.Value);
        var neverLanded = cases.SelectMany(c => c.NeverLanded).ToHashSet();
        lock (problems)
        {
            problems.AddRange(stored.GroupBy(s => s.Title).Where(g => g.Count() > 1).Select(g => $"{g.Count()} cases titled {g.Key}: {string.Join(", ", g.Select(s => s.Id))}"));
            problems.AddRange(stored.Where(s => expected.TryGetValue(s.Title, out var id) ? id != s.Id : !neverLanded.Contains(s.Title))
                .Select(s => $"case {s.Id} titled {s.Title} was never acknowledged"));
            problems.AddRange(stored.Where(s => neverLanded.Contains(s.Title)).Select(s => $"case {s.Id} titled {s.Title} exists, but its retry said its key was never done"));
            problems.AddRange(expected.Where(e => !stored.Contains((e.Value, e.Key))).Select(e => $"acknowledged case {e.Value} titled {e.Key} is not stored"));
        }
    }

    private static async Task<int> PendingTimersAsync(string database, Guid instanceId)
    {
        await using var connection = await OpenAsync(database);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM workflow_timers WHERE upper(InstanceId) = $id AND Status = 'Pending'";
        query.Parameters.AddWithValue("$id", instanceId.ToString().ToUpperInvariant());
        return Convert.ToInt32(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<SqliteConnection> OpenAsync(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
