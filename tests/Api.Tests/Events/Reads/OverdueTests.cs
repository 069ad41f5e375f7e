using GridCase.Api.Tests.Support;
using GridCase.Api.Timers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static GridCase.Api.Tests.Events.Reads.ReadsKit;

namespace GridCase.Api.Tests.Events.Reads;

/// <summary>
/// The overdue filters, on an API of its own whose clock the test moves (the shared one runs on the real clock).
/// A task whose overdue port is not connected stays open and flagged; in v1 that is the extension approval:
/// <code>
///   X  report → triage(filed) → handle(extension) → extension_approval   … 20 days later: overdue, still open
///   Y  report → triage                                                    … 20 days later: supervised, a fresh triage task
/// </code>
/// </summary>
public sealed class OverdueTests
{
    private readonly MovableClock _clock = new();
    private GridCaseApiFactory _own = null!;
    private WebApplicationFactory<Program> _api = null!;
    private HttpClient _township = null!;
    private string _x = "";
    private string _y = "";
    private string _approval = "";

    [OneTimeSetUp]
    public async Task LetTheDeadlinesPass()
    {
        _own = new GridCaseApiFactory();
        _api = _own.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock).RemoveTimerDelivery()));
        _township = await ClientForAsync(_api, "d" + Township);
        using var gridMember = await ClientForAsync(_api, "g" + Grid);

        var x = await ReportAsync(gridMember, "超期：X");
        var handle = TaskAt(await TriageAsync(_township, x), "handle");
        _approval = TaskAt(await CompleteAsync(_township, handle, "extension", new { hours = 8 }), "extension_approval");
        _x = Id(x);
        _y = Id(await ReportAsync(gridMember, "超期：Y"));

        _clock.Advance(TimeSpan.FromDays(20));
        var poller = _api.Services.GetRequiredService<TimerDelivery>();
        for (var round = 0; await poller.DeliverDueAsync(CancellationToken.None) > 0; round++)
        {
            Assert.That(round, Is.LessThan(10), "due timers keep coming back");
        }
    }

    [OneTimeTearDown]
    public async Task Dispose()
    {
        _township.Dispose();
        await _api.DisposeAsync();
        await _own.DisposeAsync();
    }

    [Test]
    public async Task Overdue_true_lists_the_events_with_an_overdue_open_task()
    {
        var overdue = await GetAsync(_township, "/api/events?overdue=true");
        Assert.That(Ids(overdue), Is.EqualTo(new[] { _x }));
        Assert.That(Items(overdue)[0].GetProperty("overdue").GetBoolean(), Is.True);

        var onTime = await GetAsync(_township, "/api/events?overdue=false");
        Assert.That(Ids(onTime), Is.EqualTo(new[] { _y }));
        Assert.That(Items(onTime)[0].GetProperty("underSupervision").GetBoolean(), Is.True, "the late triage was flagged for 督办");
    }

    [Test]
    public async Task Overdue_true_lists_the_overdue_tasks_of_the_queue()
    {
        var overdue = await GetAsync(_township, "/api/tasks?overdue=true");
        var task = Items(overdue).Single();
        Assert.That(task.GetProperty("id").GetString(), Is.EqualTo(_approval));
        Assert.That(task.GetProperty("overdue").GetBoolean(), Is.True);
        Assert.That(task.GetProperty("warned").GetBoolean(), Is.True);
        Assert.That(task.GetProperty("event").GetProperty("title").GetString(), Is.EqualTo("超期：X"));

        var all = await GetAsync(_township, "/api/tasks");
        Assert.That(all.GetProperty("total").GetInt32(), Is.EqualTo(2), "the approval and Y's fresh triage");
    }

    [Test]
    public async Task The_detail_flags_the_overdue_task()
    {
        var detail = await GetAsync(_township, $"/api/events/{_x}");
        var approval = detail.GetProperty("openTasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == _approval);
        Assert.That(approval.GetProperty("overdue").GetBoolean(), Is.True);
        Assert.That(approval.GetProperty("dueAt").GetDateTime(), Is.LessThan(_clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The real clock, moved forward by the test; timers still tick in real time.</summary>
    private sealed class MovableClock : TimeProvider
    {
        private TimeSpan _offset;

        public void Advance(TimeSpan by) => _offset += by;

        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _offset;
    }
}
