using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;
using GridCase.Api.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCase.Api.Tests.Events.V2;

/// <summary>
/// v2 on a hand-moved clock: an overdue handling task raises 督办 by the level above — a tracking task for the
/// supervising centre, a notice to the responsible unit — while the task stays where it is; the supervising centre
/// takes the case over only by deciding so; a county department's overdue case is supervised by its county.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
public sealed class OverdueSupervisionTests(string provider)
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private GridCaseApiFactory? _factory;
    private V2Driver _v2 = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = await GridCaseApiFactory.OnAsync(provider, "gridcase_v2_overdue", GridCaseApiFactory.Latest, s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            // The test delivers timers itself; Quartz on the same clock would race it.
            s.RemoveTimerDelivery();
        });
        _v2 = new V2Driver(new EventDriver(_factory));
        // Tokens are issued on the application's clock and checked on the system's: sign everyone in before it moves.
        foreach (var user in new[] { EventDriver.GridMember, V2Driver.TownshipDispatcher, V2Driver.TownshipHandler, V2Driver.CountyDispatcher, V2Driver.DepartmentHandler, "auditor" })
        {
            await _v2.Driver.ClientAsync(user);
        }
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    private async Task PassDeadlineAsync(EventStep step, string nodeId)
    {
        var dueAt = step.Task(nodeId).GetProperty("dueAt").GetDateTime();
        var due = new DateTimeOffset(DateTime.SpecifyKind(dueAt, DateTimeKind.Utc)).AddSeconds(1);
        if (due > _clock.GetUtcNow())
        {
            _clock.SetUtcNow(due);
        }

        await _factory!.Services.GetRequiredService<TimerDelivery>().DeliverDueAsync(CancellationToken.None);
    }

    [Test]
    public async Task An_overdue_township_case_is_supervised_by_the_county_which_takes_it_over_only_by_deciding_so()
    {
        var filed = await _v2.FileAsync(2, "Township");

        await PassDeadlineAsync(filed, "handle");
        var now = await _v2.Driver.NowAsync(filed.EventId);
        var file = await _v2.Driver.CaseAsync(filed.EventId);
        Assert.That(file.GetProperty("responsibleUnit").GetString(), Is.EqualTo(EventDriver.Township));
        Assert.That(file.GetProperty("supervisedBy").GetString(), Is.EqualTo(EventDriver.County));
        Assert.That(now.OpenNodes, Is.EqualTo(new[] { "handle", "track" }));
        Assert.That((now.Queue("handle"), now.Queue("track")), Is.EqualTo((EventDriver.Township, EventDriver.County)));
        var kinds = await _v2.KindsAsync(filed.EventId);
        Assert.That(kinds, Does.Contain("DeadlineOverdue").And.Contain("SupervisionFlagged").And.Contain("Notified"));
        Assert.That(kinds, Has.None.EqualTo("Escalated"));

        var takeover = await _v2.CompleteAsync(V2Driver.CountyDispatcher, now, "track", "takeover", new { opinion = "乡镇无力处置，县中心接办" });

        await _v2.Driver.ExpectAsync(takeover, "Dispatched", EventDriver.County, "County");
        Assert.That(takeover.Queue("handle"), Is.EqualTo(EventDriver.County), "the open handling task follows responsibility");
        await _v2.Driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task A_tracked_overdue_case_stays_with_its_unit_which_still_finishes_it()
    {
        var filed = await _v2.FileAsync(2, "Township");
        await PassDeadlineAsync(filed, "handle");
        var now = await _v2.Driver.NowAsync(filed.EventId);

        var tracked = await _v2.CompleteAsync(V2Driver.CountyDispatcher, now, "track", "tracked", new { opinion = "已电话督促" });
        var resolved = await _v2.CompleteAsync(V2Driver.TownshipHandler, tracked, "handle", "resolved", new { resolution = "已处置" });

        Assert.That(tracked.OpenNodes, Is.EqualTo(new[] { "handle" }));
        await _v2.Driver.ExpectAsync(resolved, "AwaitingVerification", EventDriver.Township, "Township");
        await _v2.Driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task A_county_department_overdue_case_is_supervised_by_its_county_not_the_city()
    {
        var filed = await _v2.FileAsync(2, "County");
        await _v2.Driver.ExpectAsync(filed, "Dispatched", EventDriver.Department, "County");

        await PassDeadlineAsync(filed, "handle");

        var file = await _v2.Driver.CaseAsync(filed.EventId);
        var now = await _v2.Driver.NowAsync(filed.EventId);
        Assert.That(file.GetProperty("supervisedBy").GetString(), Is.EqualTo(EventDriver.County));
        Assert.That(file.GetProperty("responsibleUnit").GetString(), Is.EqualTo(EventDriver.Department));
        Assert.That((now.Queue("handle"), now.Queue("track")), Is.EqualTo((EventDriver.Department, EventDriver.County)));
        await _v2.Driver.VerifyAsync(filed.EventId);
    }
}
