using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;
using GridCase.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Api.Tests.Reliability;

/// <summary>
/// A flood of reports on SQLite, each sent twice at once with its own <c>Idempotency-Key</c>: every answer is
/// the 201 (done or replayed) or a 409 <c>idempotency-in-flight</c> for the twin that raced, which on retry gets
/// the stored 201; in the end there is exactly one case per key.
/// </summary>
public sealed class IdempotentFloodTests
{
    private const int Reports = 1000;
    private const int InFlight = 32;

    private sealed record Answer(int Index, HttpStatusCode Status, string? MediaType, bool Replayed, string Text)
    {
        public string? Id => Status == HttpStatusCode.Created ? JsonDocument.Parse(Text).RootElement.GetProperty("id").GetString() : null;

        public string? ProblemType => Status == HttpStatusCode.Conflict ? JsonDocument.Parse(Text).RootElement.GetProperty("type").GetString() : null;
    }

    [Test]
    public async Task A_flood_of_1000_reports_each_sent_twice_with_its_key_makes_exactly_1000_cases()
    {
        var clock = Stopwatch.StartNew();
        await using var factory = new GridCaseApiFactory();
        var driver = new EventDriver(factory);
        await driver.ClientAsync(EventDriver.GridMember); // signed in before the flood, so the client cache is not raced
        var marker = "洪峰-" + Guid.NewGuid().ToString("N")[..8];
        var keys = Enumerable.Range(0, Reports).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        var bodies = new string[Reports];
        for (var i = 0; i < Reports; i++)
        {
            bodies[i] = await driver.ReportJsonAsync($"{marker} {i}");
        }

        async Task<Answer> SendAsync(int i)
        {
            using var response = await driver.PostJsonAsync(EventDriver.GridMember, "/api/events", bodies[i], keys[i]);
            var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var flag) && flag.Single() == "true";
            return new Answer(i, response.StatusCode, response.Content.Headers.ContentType?.MediaType, replayed, await response.Content.ReadAsStringAsync());
        }

        // The twins of a key are adjacent, so with 32 in flight they run at the same time.
        var answers = new Answer[2 * Reports];
        var flood = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 2 * Reports), new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (n, _) => answers[n] = await SendAsync(n / 2));
        flood.Stop();

        var unexpected = answers.Where(a => a.Status != HttpStatusCode.Created
            && !(a.Status == HttpStatusCode.Conflict && a.MediaType == "application/problem+json" && a.ProblemType!.EndsWith("idempotency-in-flight", StringComparison.Ordinal))).ToList();
        Assert.That(unexpected.Select(a => $"#{a.Index}: {(int)a.Status} {a.MediaType} {a.Text}"), Is.Empty, "every answer is 201 or 409 idempotency-in-flight");

        var raced = answers.Where(a => a.Status == HttpStatusCode.Conflict).ToList();
        var retried = new List<Answer>();
        foreach (var conflict in raced)
        {
            retried.Add(await SendAsync(conflict.Index));
        }

        var final = answers.Where(a => a.Status == HttpStatusCode.Created).Concat(retried).GroupBy(a => a.Index).ToDictionary(g => g.Key, g => g.ToList());
        TestContext.Out.WriteLine($"{2 * Reports} reports in {flood.Elapsed.TotalSeconds:F1} s ({2 * Reports / flood.Elapsed.TotalSeconds:F0}/s, {InFlight} in flight); "
            + $"{raced.Count} raced their twin (409 idempotency-in-flight) and were retried; "
            + $"{answers.Count(a => a.Status == HttpStatusCode.Created && a.Replayed)} replayed in the flood");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(retried.Where(a => a.Status != HttpStatusCode.Created || !a.Replayed).Select(a => $"#{a.Index}: {(int)a.Status} {a.Text}"), Is.Empty,
                "a retried twin gets the stored 201");
            Assert.That(final, Has.Count.EqualTo(Reports), "every key has its 201s");
            Assert.That(final.Where(f => f.Value.Count != 2).Select(f => f.Key), Is.Empty, "both requests of every key ended in a 201");
            Assert.That(final.Where(f => f.Value.Select(a => a.Id).Distinct().Count() != 1).Select(f => f.Key), Is.Empty, "both got the same case");
            Assert.That(final.Where(f => f.Value.Count(a => !a.Replayed) != 1).Select(f => f.Key), Is.Empty, "exactly one of the two did the work");
            Assert.That(final.Values.Select(f => f[0].Id).Distinct().Count(), Is.EqualTo(Reports), "1,000 distinct case ids");
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        var stored = await db.Cases.CountAsync(c => c.Title.StartsWith(marker));
        Assert.That(stored, Is.EqualTo(Reports), "exactly 1,000 cases stored");
        foreach (var index in new[] { 0, Reports / 2, Reports - 1 })
        {
            await driver.VerifyAsync(Guid.Parse(final[index][0].Id!));
        }

        TestContext.Out.WriteLine($"total {clock.Elapsed.TotalSeconds:F1} s");
    }
}
