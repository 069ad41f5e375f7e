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
/// The Quartz job on its own, fired by hand on a hand-moved clock: the rows are the truth, so a second firing of the
/// same timer changes nothing and a firing before the due time puts the trigger back for the due time.
/// </summary>
public sealed class DeliverTimerJobTests
{
    private FakeTimeProvider _clock = null!;
    private GridCaseApiFactory _factory = null!;
    private HttpClient _township = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _factory = new GridCaseApiFactory(services: s => s.AddSingleton<TimeProvider>(_clock).RemoveTimerDelivery());
        // Sign in before the clock moves: tokens are issued on the application's clock and checked on the system's.
        _township = await _factory.ClientForAsync("d140521100");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _township.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<(Guid CaseId, IReadOnlyList<TimerRecord> Timers)> ReportAsync()
    {
        var item = JsonDocument.Parse(await _township.GetStringAsync("/api/catalogue?county=140521")).RootElement
            .GetProperty("categories")[0].GetProperty("items")[0].GetProperty("code").GetString();
        var response = await _township.PostAsJsonAsync("/api/events",
            new { catalogueItemCode = item, gridCode = "140521100001001", channel = "Hotline12345", title = "定时器" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        await using var scope = _factory.Services.CreateAsyncScope();
        var timers = await scope.ServiceProvider.GetRequiredService<ITaskStore>().PendingTimersAsync(DateTime.MaxValue);
        return (id, timers.Where(t => t.InstanceId == id).ToList());
    }

    private async Task<int> JournalCountAsync(Guid caseId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IJournalStore>().ReadAsync(caseId)).Count;
    }

    private async Task<bool> IsPendingAsync(string timerId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var pending = await scope.ServiceProvider.GetRequiredService<ITaskStore>().PendingTimersAsync(DateTime.MaxValue);
        return pending.Any(t => t.TimerId == timerId);
    }

    private async Task FireAsync(ITrigger trigger, IScheduler scheduler)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<DeliverTimerJob>(scope.ServiceProvider);
        await job.Execute(JobContext.For(trigger, scheduler), CancellationToken.None);
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    [Test]
    public async Task The_same_timer_job_fired_twice_changes_nothing_the_second_time()
    {
        var (caseId, timers) = await ReportAsync();
        var first = timers.OrderBy(t => t.DueAt).First();
        var scheduler = await _factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        _clock.SetUtcNow(Utc(first.DueAt).AddSeconds(1));
        var before = await JournalCountAsync(caseId);

        await FireAsync(TimerTriggers.Build(first.TimerId, first.DueAt), scheduler);
        var afterFirst = await JournalCountAsync(caseId);
        await FireAsync(TimerTriggers.Build(first.TimerId, first.DueAt), scheduler);

        Assert.That(afterFirst, Is.GreaterThan(before), "the first firing delivers");
        Assert.That(await JournalCountAsync(caseId), Is.EqualTo(afterFirst), "the second firing writes nothing");
        Assert.That(await IsPendingAsync(first.TimerId), Is.False);
    }

    [Test]
    public async Task A_timer_job_fired_before_the_due_time_writes_nothing_and_puts_its_trigger_back_for_the_due_time()
    {
        var (caseId, timers) = await ReportAsync();
        var timer = timers.OrderBy(t => t.DueAt).Last();
        var scheduler = await _factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        _clock.SetUtcNow(Utc(timer.DueAt).AddSeconds(-1));
        var early = TimerTriggers.Build(timer.TimerId, timer.DueAt.AddMinutes(-5));
        await scheduler.ScheduleTrigger(early, TriggerConflict.Replace);
        var before = await JournalCountAsync(caseId);

        await FireAsync(early, scheduler);

        Assert.That(await JournalCountAsync(caseId), Is.EqualTo(before));
        Assert.That(await IsPendingAsync(timer.TimerId), Is.True);
        var trigger = await scheduler.GetTrigger(TimerTriggers.KeyOf(timer.TimerId));
        Assert.That(trigger?.StartTimeUtc, Is.EqualTo(Utc(timer.DueAt)));
    }

    [Test]
    public async Task The_summary_counts_pending_timers_those_past_due_and_the_next_due_time()
    {
        var (_, timers) = await ReportAsync();
        var next = timers.Min(t => t.DueAt);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCase.Persistence.GridCaseDb>();

        var before = await TimerSummaryEndpoint.SummarizeAsync(db, next.AddSeconds(-1), CancellationToken.None);
        var after = await TimerSummaryEndpoint.SummarizeAsync(db, next, CancellationToken.None);

        Assert.That(before.Pending, Is.GreaterThanOrEqualTo(timers.Count));
        Assert.That(after.Pending, Is.EqualTo(before.Pending));
        Assert.That(after.DueNow, Is.GreaterThan(before.DueNow));
        Assert.That(before.NextDueAt, Is.LessThanOrEqualTo(next));
    }
}
