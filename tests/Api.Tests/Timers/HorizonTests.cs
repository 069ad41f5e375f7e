using System.Net.Http.Json;
using System.Text.Json;
using GridCase.Api.Tests.Support;
using GridCase.Api.Timers;
using GridCase.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace GridCase.Api.Tests.Timers;

/// <summary>
/// Quartz holds triggers only for timers due within <see cref="TimerReconciler.Horizon"/>: a deadline days away is a
/// row and nothing else until the sweep sees it come near; then it gets its trigger at its due time, and when its
/// task is done in time the trigger goes with the row. Real Quartz on SQLite; the application's clock moved by hand.
/// </summary>
public sealed class HorizonTests
{
    [Test]
    public async Task A_far_deadline_gets_its_trigger_only_when_it_comes_within_the_horizon_and_loses_it_when_cancelled()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new GridCaseApiFactory(services: s => s.AddSingleton<TimeProvider>(clock));
        using var township = await factory.ClientForAsync("d140521100");
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var reconciler = factory.Services.GetRequiredService<TimerReconciler>();

        var item = JsonDocument.Parse(await township.GetStringAsync("/api/catalogue?county=140521")).RootElement
            .GetProperty("categories")[0].GetProperty("items")[0].GetProperty("code").GetString();
        var reported = await township.PostAsJsonAsync("/api/events",
            new { catalogueItemCode = item, gridCode = "140521100001001", channel = "Hotline12345", title = "远期时限" });
        var report = JsonDocument.Parse(await reported.Content.ReadAsStringAsync()).RootElement;
        Assert.That(reported.IsSuccessStatusCode, Is.True, report.ToString());
        var caseId = report.GetProperty("id").GetGuid();
        var triageTask = report.GetProperty("openTasks")[0].GetProperty("id").GetString();

        IReadOnlyList<TimerRecord> timers;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            timers = (await scope.ServiceProvider.GetRequiredService<ITaskStore>().PendingTimersAsync(DateTime.MaxValue))
                .Where(t => t.InstanceId == caseId).OrderBy(t => t.DueAt).ToList();
        }

        Assert.That(timers, Has.Count.EqualTo(2), "the triage task's warning and overdue timers");
        var (warning, overdue) = (timers[0], timers[1]);
        Assert.That(warning.DueAt, Is.GreaterThan(clock.GetUtcNow().UtcDateTime + TimerReconciler.Horizon), "a working-time deadline lies beyond the horizon");

        await reconciler.ReconcileAllAsync(CancellationToken.None);
        Assert.That(await scheduler.GetTrigger(TimerTriggers.KeyOf(warning.TimerId)), Is.Null, "no trigger for a far timer");
        Assert.That(await scheduler.GetTrigger(TimerTriggers.KeyOf(overdue.TimerId)), Is.Null);

        clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(warning.DueAt, DateTimeKind.Utc)) - TimerReconciler.Horizon + TimeSpan.FromMinutes(1));
        var (scheduled, _) = await reconciler.ReconcileAllAsync(CancellationToken.None);
        var trigger = await scheduler.GetTrigger(TimerTriggers.KeyOf(warning.TimerId));
        Assert.That(scheduled, Is.GreaterThanOrEqualTo(1));
        Assert.That(trigger?.StartTimeUtc, Is.EqualTo(new DateTimeOffset(DateTime.SpecifyKind(warning.DueAt, DateTimeKind.Utc))), "the trigger is at the due time");
        Assert.That((await scheduler.GetTrigger(TimerTriggers.KeyOf(overdue.TimerId)) is not null), Is.EqualTo(overdue.DueAt <= TimerReconciler.HorizonEnd(clock)));

        // Triage done in time: the commit cancels both rows and the reconciler removes the trigger it had.
        var filed = await township.PostAsJsonAsync($"/api/tasks/{triageTask}/complete",
            new { outcome = "filed", data = new { difficulty = 2, scope = "Township" } });
        Assert.That(filed.IsSuccessStatusCode, Is.True, await filed.Content.ReadAsStringAsync());
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await scheduler.GetTrigger(TimerTriggers.KeyOf(warning.TimerId)) is not null)
        {
            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "the cancelled timer's trigger was not removed");
            await Task.Delay(50);
        }
    }
}
