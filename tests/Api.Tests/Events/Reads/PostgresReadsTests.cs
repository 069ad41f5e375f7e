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
    }
}
