using System.Net.Http.Json;
using System.Text.Json;
using GridCase.Api.Tests.Support;
using GridCase.Api.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCase.Api.Tests.Events;

/// <summary>
/// Deadlines on the running API with a hand-moved clock: when the handling task's working-time deadline
/// passes, the due-timer delivery escalates the case one level and flags 督办, and the case file follows.
/// </summary>
public sealed class DeadlineTests
{
    private FakeTimeProvider _clock = null!;
    private GridCaseApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _factory = new GridCaseApiFactory(services: s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            // The test delivers timers itself; Quartz on the same clock would race it.
            s.RemoveTimerDelivery();
        });
    }

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    private async Task<int> DeliverDueTimersAsync() =>
        await _factory.Services.GetRequiredService<TimerDelivery>().DeliverDueAsync(CancellationToken.None);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Test]
    public async Task An_overdue_handling_task_escalates_one_level_and_flags_supervision()
    {
        // Sign in before the clock moves: tokens are issued on the application's clock and checked on the system's.
        var township = await _factory.ClientForAsync("d140521100");
        var county = await _factory.ClientForAsync("d140521");
        var item = JsonDocument.Parse(await township.GetStringAsync("/api/catalogue?county=140521")).RootElement
            .GetProperty("categories")[0].GetProperty("items")[0].GetProperty("code").GetString();
        var created = await JsonAsync(await township.PostAsJsonAsync("/api/events",
            new { catalogueItemCode = item, gridCode = "140521100001001", channel = "Hotline12345", title = "井盖缺失" }));
        var id = created.GetProperty("id").GetString();
        var triage = created.GetProperty("openTasks")[0].GetProperty("id").GetString();
        var filed = await JsonAsync(await township.PostAsJsonAsync($"/api/tasks/{triage}/complete",
            new { outcome = "filed", data = new { difficulty = 3, scope = "Township" } }));
        var handle = filed.GetProperty("openTasks").EnumerateArray().Single(t => t.GetProperty("nodeId").GetString() == "handle");
        var dueAt = handle.GetProperty("dueAt").GetDateTime();
        Assert.That(filed.GetProperty("responsibleUnit").GetString(), Is.EqualTo("140521100"));

        _clock.SetUtcNow(new DateTimeOffset(dueAt, TimeSpan.Zero).AddSeconds(-1));
        await DeliverDueTimersAsync();
        var beforeDue = JsonDocument.Parse(await township.GetStringAsync($"/api/events/{id}/journal")).RootElement;
        Assert.That(beforeDue.EnumerateArray().Select(e => e.GetProperty("kind").GetString()), Does.Contain("DeadlineWarning").And.Not.Contain("DeadlineOverdue"));

        _clock.SetUtcNow(new DateTimeOffset(dueAt, TimeSpan.Zero).AddSeconds(1));
        Assert.That(await DeliverDueTimersAsync(), Is.GreaterThanOrEqualTo(1));
        Assert.That(await DeliverDueTimersAsync(), Is.Zero, "a delivered timer is not pending any more");

        var journal = JsonDocument.Parse(await county.GetStringAsync($"/api/events/{id}/journal")).RootElement;
        var kinds = journal.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.That(kinds, Does.Contain("DeadlineOverdue").And.Contain("Escalated").And.Contain("SupervisionFlagged"));
        Assert.That(kinds.Count(k => k == "DeadlineOverdue"), Is.EqualTo(1));
        Assert.That(journal.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "TimerFired")
            .Select(e => e.GetProperty("actor").GetProperty("userId").GetString()), Is.All.EqualTo("system"));
        var verify = JsonDocument.Parse(await county.GetStringAsync($"/api/events/{id}/journal/verify")).RootElement;
        Assert.That(verify.GetProperty("replayMatches").GetBoolean(), Is.True, verify.ToString());
        var replay = JsonDocument.Parse(await county.GetStringAsync($"/api/events/{id}/replay")).RootElement;
        Assert.That(replay.GetProperty("responsibleUnit").GetString(), Is.EqualTo("140521"));
        Assert.That(replay.GetProperty("activeNodeIds").EnumerateArray().Select(n => n.GetString()), Is.EqualTo(new[] { "handle" }));
    }
}
