using System.Net;
using System.Net.Http.Json;
using GridCase.Api.Tests.Support;
using static GridCase.Api.Tests.Events.Reads.ReadsKit;

namespace GridCase.Api.Tests.Events.Reads;

/// <summary>The read queries (casts of converted columns, prefix matches, null-last sorts) translate on PostgreSQL too.</summary>
public sealed class PostgresReadsTests
{
    private GridCaseApiFactory? _factory;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = await GridCaseApiFactory.OnPostgresAsync("gridcase_reads");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_factory is null)
        {
            return;
        }

        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Lists_detail_and_queues_are_served_from_postgres()
    {
        using var gridMember = await _factory!.ClientForAsync("g" + Grid);
        using var township = await _factory.ClientForAsync("d" + Township);
        using var department = await _factory.ClientForAsync("h140521SF");
        var reported = await ReportAsync(gridMember, "PG：待研判");
        var dispatched = await ReportAsync(gridMember, "PG：已派遣");
        var handle = TaskAt(await TriageAsync(township, dispatched), "handle");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(Ids(await GetAsync(township, "/api/events")), Is.EqualTo(new[] { Id(dispatched), Id(reported) }));
            Assert.That(Ids(await GetAsync(township, $"/api/events?unit={Grid}&status=Reported&overdue=false")), Is.EqualTo(new[] { Id(reported) }));
            Assert.That(Ids(await GetAsync(township, "/api/events?overdue=true")), Is.Empty);
            Assert.That(Ids(await GetAsync(department, "/api/events")), Is.Empty);
            Assert.That((await GetAsync(township, $"/api/events/{Id(dispatched)}")).GetProperty("reporter").GetProperty("phone").GetString(), Is.EqualTo(Phone));
            Assert.That(Ids(await GetAsync(township, "/api/tasks?sort=dueAt")), Is.EqualTo(new[] { TaskAt(reported, "triage"), handle }));
            Assert.That(Ids(await GetAsync(township, "/api/tasks?sort=-openedAt")), Is.EqualTo(new[] { handle, TaskAt(reported, "triage") }));
            Assert.That(Ids(await GetAsync(township, "/api/tasks?sort=-dueAt&overdue=false")), Is.EqualTo(new[] { handle, TaskAt(reported, "triage") }));
        });

        // Search, filters and the keyset cursor: LIKE with escapes, the correlated case lookups, timestamp comparisons.
        using var county = await _factory.ClientForAsync("d140521");
        await JsonAsync(await county.PostAsJsonAsync($"/api/events/{Id(dispatched)}/supervision", new { note = "督办" }), HttpStatusCode.OK);
        await JsonAsync(await township.PostAsync($"/api/tasks/{handle}/claim", null), HttpStatusCode.OK);
        var number = reported.GetProperty("number").GetString()!;
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(Ids(await GetAsync(township, $"/api/tasks?q={number.ToLowerInvariant()}")), Is.EqualTo(new[] { TaskAt(reported, "triage") }));
            Assert.That(Ids(await GetAsync(township, $"/api/tasks?q={Uri.EscapeDataString("已派遣")}")), Is.EqualTo(new[] { handle }));
            Assert.That(Ids(await GetAsync(township, $"/api/tasks?q={Uri.EscapeDataString("龙港")}&sort=dueAt")), Is.EqualTo(new[] { TaskAt(reported, "triage"), handle }));
            Assert.That(Ids(await GetAsync(township, "/api/tasks?step=handle")), Is.EqualTo(new[] { handle }));
            Assert.That(Ids(await GetAsync(township, "/api/tasks?mine=true")), Is.EqualTo(new[] { handle }));
            Assert.That(Ids(await GetAsync(township, "/api/tasks?unclaimed=true")), Is.EqualTo(new[] { TaskAt(reported, "triage") }));
            Assert.That(Ids(await GetAsync(township, "/api/tasks?supervised=true")), Is.EqualTo(new[] { handle }));
            foreach (var sort in new[] { "dueAt", "-dueAt", "openedAt", "-openedAt" })
            {
                var first = await GetAsync(township, $"/api/tasks?sort={sort}&pageSize=1");
                var second = await GetAsync(township, $"/api/tasks?sort={sort}&pageSize=1&cursor={first.GetProperty("nextCursor").GetString()}");
                Assert.That(Ids(first).Concat(Ids(second)), Is.EqualTo(Ids(await GetAsync(township, $"/api/tasks?sort={sort}"))), sort);
                Assert.That(second.GetProperty("nextCursor").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), sort);
            }
        });
    }
}
