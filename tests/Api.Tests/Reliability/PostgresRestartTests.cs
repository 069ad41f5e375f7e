using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;
using GridCase.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GridCase.Api.Tests.Reliability;

/// <summary>
/// PostgreSQL restarted twice under load (once shut down fast, once as a crash): reports arrive from several
/// clients at once, each with its own <c>Idempotency-Key</c>, and a client sends a report again (same key, same
/// body) until it gets its 201. The API retries a unit of work that met the restart (the execution strategy);
/// what it could not finish the client's repeat finishes or replays. In the end every report was acknowledged, every
/// acknowledged case is in the database with the number it was acknowledged with, and there is exactly one case
/// per key. The server is the test's own (<see cref="PrivatePostgresServer"/>), so the restarts disturb no other test.
/// </summary>
public sealed class PostgresRestartTests
{
    private const int Reports = 150;
    private const int Clients = 8;

    /// <summary>How long a client keeps sending one report again before the test gives up on it (a guard, not a goal).</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    private sealed record Acknowledged(int Index, string Key, Guid Id, string Number, int Attempts);

    [Test]
    public async Task Restarting_postgres_under_load_loses_no_acknowledged_report_and_duplicates_none()
    {
        await using var server = await PrivatePostgresServer.StartAsync();
        await using (var admin = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE gridcase", admin);
            await create.ExecuteNonQueryAsync();
        }

        await using var factory = new GridCaseApiFactory("postgres", server.ConnectionString("gridcase"));
        var driver = new EventDriver(factory);
        await driver.ClientAsync(EventDriver.GridMember); // signed in before the load
        var marker = "重启-" + Guid.NewGuid().ToString("N")[..8];
        var keys = Enumerable.Range(0, Reports).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        var bodies = new string[Reports];
        for (var i = 0; i < Reports; i++)
        {
            bodies[i] = await driver.ReportJsonAsync($"{marker} {i}");
        }

        var acknowledged = new ConcurrentDictionary<int, Acknowledged>();
        var failures = new ConcurrentBag<string>();
        var next = -1;

        async Task ClientAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Reports)
            {
                var started = DateTime.UtcNow;
                for (var attempt = 1; ; attempt++)
                {
                    string answer;
                    try
                    {
                        using var response = await driver.PostJsonAsync(EventDriver.GridMember, "/api/events", bodies[i], keys[i]);
                        var text = await response.Content.ReadAsStringAsync();
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var json = JsonDocument.Parse(text).RootElement;
                            acknowledged[i] = new Acknowledged(i, keys[i], json.GetProperty("id").GetGuid(), json.GetProperty("number").GetString()!, attempt);
                            break;
                        }

                        answer = $"{(int)response.StatusCode} {text}";
                    }
                    catch (HttpRequestException e)
                    {
                        answer = e.Message;
                    }

                    failures.Add($"#{i} attempt {attempt}: {answer}");
                    if (DateTime.UtcNow - started > GiveUpAfter)
                    {
                        break;
                    }

                    await Task.Delay(200);
                }
            }
        }

        var load = Enumerable.Range(0, Clients).Select(_ => Task.Run(ClientAsync)).ToArray();
        await WaitForAsync(() => acknowledged.Count >= Reports / 3, load);
        var atFirst = acknowledged.Count;
        await server.RestartAsync("fast");
        await WaitForAsync(() => acknowledged.Count >= 2 * Reports / 3, load);
        var atSecond = acknowledged.Count;
        await server.RestartAsync("immediate");
        await Task.WhenAll(load);

        TestContext.Out.WriteLine($"{Reports} reports from {Clients} clients; restarts after {atFirst} and {atSecond} acknowledgements; "
            + $"{failures.Count} answers were not 201 and were sent again; most attempts for one report: {acknowledged.Values.Max(a => a.Attempts)}");
        foreach (var failure in failures.Take(20))
        {
            TestContext.Out.WriteLine(failure);
        }

        Assert.That(Enumerable.Range(0, Reports).Where(i => !acknowledged.ContainsKey(i)), Is.Empty, "every report was acknowledged in the end");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        var stored = await db.Cases.Where(c => c.Title.StartsWith(marker))
            .Select(c => new { c.Id, c.Title, c.Number }).ToListAsync();
        Assert.That(stored, Has.Count.EqualTo(Reports), "exactly one case per key");
        var byTitle = stored.ToDictionary(c => c.Title, c => (Id: c.Id.Value, Number: c.Number.Value));
        foreach (var ack in acknowledged.Values)
        {
            Assert.That(byTitle.TryGetValue($"{marker} {ack.Index}", out var found), Is.True, $"acknowledged report #{ack.Index} is stored");
            Assert.That(found, Is.EqualTo((ack.Id, ack.Number)), $"report #{ack.Index} is stored as acknowledged");
        }

        Assert.That(stored.Select(c => c.Number.Value).Distinct().Count(), Is.EqualTo(Reports), "case numbers are unique");
    }

    private static async Task WaitForAsync(Func<bool> condition, Task[] load)
    {
        while (!condition() && !load.All(t => t.IsCompleted))
        {
            await Task.Delay(20);
        }
    }
}
