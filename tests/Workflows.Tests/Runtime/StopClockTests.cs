using GridCase.Domain.Calendar;
using GridCase.Workflows.Journal;
using static GridCase.Workflows.Tests.Runtime.EngineHarness;

namespace GridCase.Workflows.Tests.Runtime;

/// <summary>
/// Parking stops the clock and resuming restarts it where it stopped; an approved extension adds its hours to
/// the time that was left; a refused one adds nothing.
/// </summary>
//  start ─▶ route_township ─▶ handle(8 working hours) ─done▶ end
//                               ├park▶ parked ─resume▶ handle
//                               └extension▶ approve ─approved▶ grant(approvedHours = hours) ─▶ handle
//                                                    └refused▶ handle
public sealed class StopClockTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.CreateDefault();

    private static Dictionary<string, object?> Hours(int hours) => new() { ["hours"] = (long)hours };

    [Test]
    public async Task Parking_stops_the_clock_and_resuming_gives_back_the_time_that_was_left()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("stop-clock"));
        var id = await engine.StartAsync("stop-clock", actor: TownshipDispatcher);
        engine.Advance(TimeSpan.FromHours(2));

        await engine.CompleteAsync(id, "handle", "park", TownshipDispatcher);
        engine.Advance(TimeSpan.FromDays(3));
        await engine.CompleteAsync(id, "parked", "resume", TownshipDispatcher);

        var resumed = await engine.OpenTaskAtAsync(id, "handle");
        Assert.That(resumed.DueAt, Is.EqualTo(Calendar.AddWorkingHours(engine.Now, 6).UtcDateTime));
        Assert.That(resumed.WarnAt, Is.EqualTo(Calendar.AddWorkingHours(engine.Now, 3).UtcDateTime));
        Assert.That((await engine.JournalAsync(id)).Select(e => e.Kind), Does.Contain(JournalKinds.DeadlineStopped).And.Contain(JournalKinds.DeadlineResumed));
        await engine.AssertReplaysAsync(id);
    }

    [Test]
    public async Task An_approved_extension_adds_its_hours_to_the_time_left_and_is_used_once()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("stop-clock"));
        var id = await engine.StartAsync("stop-clock", actor: TownshipDispatcher);
        engine.Advance(TimeSpan.FromHours(1));

        await engine.CompleteAsync(id, "handle", "extension", TownshipDispatcher, Hours(16));
        engine.Advance(TimeSpan.FromHours(1));
        await engine.CompleteAsync(id, "approve", "approved", CountyDispatcher);
        var extended = await engine.OpenTaskAtAsync(id, "handle");

        Assert.That(extended.DueAt, Is.EqualTo(Calendar.AddWorkingHours(engine.Now, 7 + 16).UtcDateTime));
        Assert.That((await engine.StateAsync(id)).Variables["approvedHours"], Is.Null);

        await engine.CompleteAsync(id, "handle", "extension", TownshipDispatcher, Hours(8));
        await engine.CompleteAsync(id, "approve", "refused", CountyDispatcher);
        var refused = await engine.OpenTaskAtAsync(id, "handle");

        Assert.That(refused.DueAt, Is.EqualTo(extended.DueAt), "a refused extension gives back the time left and nothing more");
        await engine.AssertReplaysAsync(id);
    }
}
