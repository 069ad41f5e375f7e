using System.Collections;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GridCase.Api.Infrastructure;
using GridCase.Api.Tests.Support;
using GridCase.Api.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;

namespace GridCase.Api.Tests.Infrastructure;

/// <summary>
/// OpenTelemetry on the running API: the spans of one report → triage → (deadline warning) → resolve walk, collected
/// with the in-memory exporter, and the Prometheus scrape endpoint after it.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
public sealed class TelemetryTests(string provider)
{
    private const string AspNetCoreSource = "Microsoft.AspNetCore";
    private const string EfCoreSource = "OpenTelemetry.Instrumentation.EntityFrameworkCore";

    private readonly LockedList<Activity> _spans = new();
    private FakeTimeProvider _clock = null!;
    private GridCaseApiFactory _factory = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _factory = await GridCaseApiFactory.OnAsync(provider, "gridcase_telemetry",
            new Dictionary<string, string> { ["GridCase:Telemetry:Tracing"] = "true" },
            s =>
            {
                s.AddSingleton<TimeProvider>(_clock);
                // The test delivers the timer itself; Quartz on the same clock would race it.
                s.RemoveTimerDelivery();
                s.ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(_spans));
            });
    }

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonElement TaskAt(JsonElement step, string nodeId) =>
        step.GetProperty("openTasks").EnumerateArray().Single(t => t.GetProperty("nodeId").GetString() == nodeId);

    /// <summary>The server span of the one request to <paramref name="path"/>, once it has ended (the exporter gets it at its end).</summary>
    private async Task<Activity> ServerSpanAsync(string path)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var found = _spans.Snapshot().Where(s => s.Source.Name == AspNetCoreSource && s.Kind == ActivityKind.Server
                && Equals(s.GetTagItem("url.path"), path)).ToList();
            if (found.Count > 0)
            {
                Assert.That(found, Has.Count.EqualTo(1), path);
                return found[0];
            }

            await Task.Delay(50);
        }

        Assert.Fail($"no server span for {path}; spans: {string.Join(", ", _spans.Snapshot().Select(s => s.DisplayName))}");
        return null!;
    }

    /// <summary>The spans whose parent chain leads to <paramref name="root"/>.</summary>
    private List<Activity> Below(Activity root)
    {
        var inTrace = _spans.Snapshot().Where(s => s.TraceId == root.TraceId).ToDictionary(s => s.SpanId);
        return inTrace.Values.Where(span =>
        {
            var parent = span.ParentSpanId;
            while (parent != default && parent != root.SpanId && inTrace.TryGetValue(parent, out var up))
            {
                parent = up.ParentSpanId;
            }

            return parent == root.SpanId;
        }).ToList();
    }

    private void AssertLinked(string path, string caseId, string stimulus)
    {
        var server = ServerSpanAsync(path).GetAwaiter().GetResult();
        var below = Below(server);
        var names = string.Join(", ", below.Select(s => $"{s.Source.Name}:{s.DisplayName}"));
        Assert.That(below.Where(s => s.Source.Name == EfCoreSource), Is.Not.Empty, $"database spans under {path}: {names}");
        var steps = below.Where(s => s.Source.Name == GridCaseTelemetry.EngineSourceName && s.OperationName == $"engine.step {stimulus}").ToList();
        Assert.That(steps, Has.Count.EqualTo(1), $"engine step under {path}: {names}");
        Assert.That(steps[0].GetTagItem(GridCaseTelemetry.CaseIdTag), Is.EqualTo(caseId));
        var command = below.Single(s => s.OperationName == GridCaseTelemetry.CommandSpanName);
        Assert.That(command.GetTagItem("gridcase.result"), Is.EqualTo("committed"));
        // The commit's statements run inside the command span.
        Assert.That(Below(command).Where(s => s.Source.Name == EfCoreSource), Is.Not.Empty, $"database spans under the command of {path}");
    }

    [Test, Order(1)]
    public async Task The_spans_of_a_walk_are_linked_under_each_request()
    {
        var gridMember = await _factory.ClientForAsync("g140521100001001");
        var township = await _factory.ClientForAsync("d140521100");
        var item = JsonDocument.Parse(await township.GetStringAsync("/api/catalogue?county=140521")).RootElement
            .GetProperty("categories")[0].GetProperty("items")[0].GetProperty("code").GetString();

        var created = await JsonAsync(await gridMember.PostAsJsonAsync("/api/events", new
        {
            catalogueItemCode = item, gridCode = "140521100001001", channel = "GridPatrol", title = "小区门口垃圾堆放",
        }), HttpStatusCode.Created);
        var caseId = created.GetProperty("id").GetString()!;
        AssertLinked("/api/events", caseId, "Start");

        var triage = TaskAt(created, "triage").GetProperty("id").GetString();
        var filed = await JsonAsync(await township.PostAsJsonAsync($"/api/tasks/{triage}/complete",
            new { outcome = "filed", data = new { difficulty = 2, scope = "Township" } }), HttpStatusCode.OK);
        AssertLinked($"/api/tasks/{triage}/complete", caseId, "CompleteTask");

        // The handling task's warning timer, delivered late on purpose: a span of its own with the engine step under it.
        var handle = TaskAt(filed, "handle");
        _clock.SetUtcNow(new DateTimeOffset(handle.GetProperty("dueAt").GetDateTime(), TimeSpan.Zero).AddSeconds(-1));
        Assert.That(await _factory.Services.GetRequiredService<TimerDelivery>().DeliverDueAsync(CancellationToken.None), Is.GreaterThanOrEqualTo(1));
        var delivery = _spans.Snapshot().Where(s => s.OperationName == "timer.deliver" && Equals(s.GetTagItem(GridCaseTelemetry.CaseIdTag), caseId)).ToList();
        Assert.That(delivery, Is.Not.Empty);
        Assert.That(Below(delivery[0]).Where(s => s.OperationName == "engine.step TimerFired"), Is.Not.Empty);

        var handleId = handle.GetProperty("id").GetString();
        await JsonAsync(await township.PostAsJsonAsync($"/api/tasks/{handleId}/complete",
            new { outcome = "resolved", data = new { resolution = "已清运" } }), HttpStatusCode.OK);
        AssertLinked($"/api/tasks/{handleId}/complete", caseId, "CompleteTask");
    }

    [Test, Order(2)]
    public async Task The_scrape_endpoint_shows_the_named_metrics()
    {
        // After the walk: the verification task is open in the township's queue. A scrape reads the last refresh.
        var snapshot = await _factory.Services.GetRequiredService<OperationalGauges>().RefreshAsync(CancellationToken.None);
        Assert.That(snapshot.TaskCounts["140521100"].Open, Is.GreaterThanOrEqualTo(1));

        var response = await _factory.CreateClient().GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Does.StartWith("text/plain").Or.StartWith("application/openmetrics-text"));
        foreach (var name in new[]
                 {
                     "gridcase_commands_total", "gridcase_transitions_total", "gridcase_command_duration_seconds_bucket",
                     "gridcase_timer_lag_seconds_bucket", "gridcase_timers_due", "gridcase_timer_schedule_backlog",
                     "http_server_request_duration_seconds_bucket",
                 }.Concat(provider == "sqlite" ? ["gridcase_writer_queue_wait_seconds_bucket"] : []))
        {
            Assert.That(text, Does.Match($@"(?m)^{name}[{{ ]"), name);
        }

        Assert.That(text, Does.Match(@"(?m)^gridcase_commands_total\{[^}]*command=""CompleteTask""[^}]*result=""committed""[^}]*\} [1-9]"));
        var open = Regex.Match(text, @"(?m)^gridcase_tasks_open\{[^}]*unit=""140521100""[^}]*\} (\d+)");
        Assert.That(open.Success, Is.True, "gridcase_tasks_open for the township");
        Assert.That(int.Parse(open.Groups[1].Value), Is.EqualTo(snapshot.TaskCounts["140521100"].Open));
        Assert.That(text, Does.Match(@"(?m)^gridcase_tasks_overdue\{[^}]*unit=""140521100""[^}]*\} \d+"));
    }

    /// <summary>The exporter adds from the processor's thread while the test reads.</summary>
    private sealed class LockedList<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count { get { lock (_items) { return _items.Count; } } }

        public bool IsReadOnly => false;

        public List<T> Snapshot() { lock (_items) { return [.. _items]; } }

        public void Add(T item) { lock (_items) { _items.Add(item); } }

        public void Clear() { lock (_items) { _items.Clear(); } }

        public bool Contains(T item) { lock (_items) { return _items.Contains(item); } }

        public void CopyTo(T[] array, int arrayIndex) { lock (_items) { _items.CopyTo(array, arrayIndex); } }

        public bool Remove(T item) { lock (_items) { return _items.Remove(item); } }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
