using System.Net;
using GridCase.Api.Infrastructure;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;
using GridCase.Persistence;
using GridCase.Persistence.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Api.Tests.Events;

/// <summary>
/// Keys are kept for <c>GridCase:Idempotency:Retention</c> (7 days by default): the sweep deletes only the keys
/// claimed before that, in batches, and a request with a swept key runs as a new one.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
public sealed class IdempotencyRetentionTests(string provider)
{
    private GridCaseApiFactory? _factory;

    [OneTimeSetUp]
    public async Task Start() => _factory = await GridCaseApiFactory.OnAsync(provider, "gridcase_idem_sweep");

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    [Test]
    public async Task The_sweep_deletes_the_keys_older_than_the_retention_and_only_those()
    {
        var user = "sweep-" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTime.UtcNow;
        var retention = GridCaseSettings.DefaultIdempotencyRetention;
        // More expired keys than one batch holds, so the sweep takes several.
        var expired = Enumerable.Range(0, IdempotencySweeper.Batch + 234).Select(i => Record(user, $"old-{i}", now - retention - TimeSpan.FromMinutes(1 + i))).ToList();
        var kept = new[]
        {
            Record(user, "recent-done", now - retention + TimeSpan.FromHours(1)),
            Record(user, "fresh-pending", now, done: false),
        };
        await using (var scope = _factory!.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
            db.AddRange(expired);
            db.AddRange(kept);
            await db.SaveChangesAsync();
        }

        var deleted = await _factory.Services.GetRequiredService<IdempotencySweeper>().SweepAsync(CancellationToken.None);

        Assert.That(deleted, Is.GreaterThanOrEqualTo(expired.Count));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var left = await scope.ServiceProvider.GetRequiredService<GridCaseDb>().Set<IdempotencyRecord>()
                .Where(r => r.UserId == user).Select(r => r.Key).OrderBy(k => k).ToListAsync();
            Assert.That(left, Is.EqualTo(new[] { "fresh-pending", "recent-done" }));
        }
    }

    [Test]
    public async Task A_request_with_a_swept_key_runs_as_a_new_request()
    {
        var driver = new EventDriver(_factory!);
        var key = Guid.NewGuid().ToString("N");
        var first = await EventDriver.JsonAsync(await driver.PostJsonAsync(EventDriver.GridMember, "/api/events", await driver.ReportJsonAsync(), key), HttpStatusCode.Created);
        await using (var scope = _factory!.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
            var old = DateTime.UtcNow - GridCaseSettings.DefaultIdempotencyRetention - TimeSpan.FromMinutes(1);
            await db.Set<IdempotencyRecord>().Where(r => r.Key == key).ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedAt, old));
        }

        await _factory.Services.GetRequiredService<IdempotencySweeper>().SweepAsync(CancellationToken.None);
        var second = await EventDriver.JsonAsync(await driver.PostJsonAsync(EventDriver.GridMember, "/api/events", await driver.ReportJsonAsync("另一处焚烧垃圾"), key), HttpStatusCode.Created);

        Assert.That(second.GetProperty("id").GetGuid(), Is.Not.EqualTo(first.GetProperty("id").GetGuid()));
    }

    private static IdempotencyRecord Record(string user, string key, DateTime startedAt, bool done = true) => new()
    {
        UserId = user,
        Key = key,
        RequestHash = new string('0', 64),
        StartedAt = startedAt,
        Done = done,
        StatusCode = done ? 201 : 0,
        ResponseJson = done ? "{}" : null,
    };
}
