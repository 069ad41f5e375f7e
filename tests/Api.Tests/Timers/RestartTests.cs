using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridCase.Api.Tests.Support;
using GridCase.Api.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Api.Tests.Timers;

/// <summary>
/// Real Quartz on SQLite, real clock: a 3-second deadline survives the host being stopped before it and started
/// again after it, and the overdue path runs exactly once, never before the due time.
/// <code>
///   start ─▶ route_township ─▶ handle(PT3S) ─done─▶ end
///                                  └─overdue─▶ late
/// </code>
/// </summary>
public sealed class RestartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static string Definition(string id) => $$"""
        {
          "id": "{{id}}", "name": "三秒时限", "variables": {},
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "route_township", "type": "Route", "props": { "target": { "level": "Township" } } },
            { "id": "handle", "type": "HumanTask", "title": "处置",
              "props": { "queue": { "responsible": true }, "form": "handle", "outcomes": ["done"], "deadline": { "duration": "PT3S", "warnAt": 0.5 } } },
            { "id": "late", "type": "HumanTask", "title": "超期处置", "props": { "queue": { "responsible": true }, "form": "handle", "outcomes": ["done"] } },
            { "id": "end", "type": "End", "props": { "closureCode": "resolved" } }
          ],
          "connections": [
            { "from": "start", "outcome": "done", "to": "route_township" },
            { "from": "route_township", "outcome": "done", "to": "handle" },
            { "from": "handle", "outcome": "done", "to": "end" },
            { "from": "handle", "outcome": "overdue", "to": "late" },
            { "from": "late", "outcome": "done", "to": "end" }
          ]
        }
        """;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<List<JsonElement>> JournalAsync(HttpClient client, string caseId) =>
        (await JsonAsync(await client.GetAsync($"/api/events/{caseId}/journal"))).EnumerateArray().ToList();

    private static IEnumerable<JsonElement> OfKind(IEnumerable<JsonElement> journal, string kind) =>
        journal.Where(e => e.GetProperty("kind").GetString() == kind);

    [Test]
    public async Task A_deadline_that_passes_while_the_host_is_down_fires_once_after_the_restart_and_never_early()
    {
        var data = Path.Combine(Path.GetTempPath(), "gridcase-api-tests", Guid.NewGuid().ToString("N"));
        var definitionId = "three-seconds-" + Guid.NewGuid().ToString("N")[..6];
        try
        {
            string caseId;
            DateTime dueAt;
            await using (var first = new GridCaseApiFactory(dataDirectory: data))
            {
                using var admin = await first.ClientForAsync("admin");
                await JsonAsync(await admin.PutAsync($"/api/workflow-definitions/{definitionId}/draft",
                    new StringContent(Definition(definitionId), Encoding.UTF8, "application/json")));
                await JsonAsync(await admin.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/publish", new { changeNote = "三秒" }));
                using var dispatcher = await first.ClientForAsync("d140521100");
                var item = JsonDocument.Parse(await dispatcher.GetStringAsync("/api/catalogue?county=140521")).RootElement
                    .GetProperty("categories")[0].GetProperty("items")[0].GetProperty("code").GetString();
                var created = await JsonAsync(await dispatcher.PostAsJsonAsync("/api/events", new
                {
                    catalogueItemCode = item, gridCode = "140521100001001", channel = "Hotline12345", title = "三秒时限", workflowDefinitionId = definitionId,
                }));
                caseId = created.GetProperty("id").GetString()!;
                var handle = created.GetProperty("openTasks").EnumerateArray().Single(t => t.GetProperty("nodeId").GetString() == "handle");
                dueAt = handle.GetProperty("dueAt").GetDateTime().ToUniversalTime();
                Assert.That(OfKind(await JournalAsync(dispatcher, caseId), "DeadlineOverdue"), Is.Empty);
                Assert.That(DateTime.UtcNow, Is.LessThan(dueAt), "the host stops before the deadline");
            }

            // The host is down while the deadline passes.
            var downFor = dueAt - DateTime.UtcNow + TimeSpan.FromSeconds(1);
            if (downFor > TimeSpan.Zero)
            {
                await Task.Delay(downFor);
            }

            await using var second = new GridCaseApiFactory(dataDirectory: data);
            using var county = await second.ClientForAsync("d140521100");
            var waited = System.Diagnostics.Stopwatch.StartNew();
            List<JsonElement> journal;
            while (!OfKind(journal = await JournalAsync(county, caseId), "DeadlineOverdue").Any())
            {
                Assert.That(waited.Elapsed, Is.LessThan(Patience), "the overdue timer did not fire after the restart");
                await Task.Delay(100);
            }

            // A sweep after the firing schedules nothing again, and the path stays run once.
            var (scheduled, _) = await second.Services.GetRequiredService<TimerReconciler>().ReconcileAllAsync(CancellationToken.None);
            journal = await JournalAsync(county, caseId);
            Assert.That(scheduled, Is.Zero);
            Assert.That(OfKind(journal, "DeadlineOverdue").Count(), Is.EqualTo(1));
            var fired = OfKind(journal, "TimerFired").ToList();
            Assert.That(fired.Count(e => e.GetProperty("data").GetProperty("purpose").GetString() == "Overdue"), Is.EqualTo(1));
            foreach (var entry in fired)
            {
                Assert.That(entry.GetProperty("at").GetDateTime().ToUniversalTime(),
                    Is.GreaterThanOrEqualTo(entry.GetProperty("data").GetProperty("dueAt").GetDateTime().ToUniversalTime()), "a timer never fires early");
            }

            var overdue = OfKind(journal, "DeadlineOverdue").Single().GetProperty("at").GetDateTime().ToUniversalTime();
            Assert.That(overdue, Is.GreaterThanOrEqualTo(dueAt));
            Assert.That(OfKind(journal, "TaskOpened").Count(e => e.GetProperty("nodeId").GetString() == "late"), Is.EqualTo(1));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
