using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HdrHistogram;

namespace GridCase.Bench;

/// <summary>What the HTTP load produced.</summary>
public sealed record LoadResult(
    int Cases,
    int FailedCases,
    long Transitions,
    TimeSpan Elapsed,
    LongHistogram LatencyMicros,
    IReadOnlyList<int> TransitionsPerSecond,
    IReadOnlyList<string> Errors);

/// <summary>
/// Drives cases through the default loop over HTTP with several concurrent clients: report → triage (filed) →
/// handle (resolved) → verify (confirmed) → evaluate (evaluated). Closed loop (each client starts its next case
/// as soon as the last is done) or open loop at a fixed rate: case i is due at start + i / rate, and the first
/// command's latency is measured from that intended time, so a stalled server shows up in the latency instead of
/// silently slowing the load (no coordinated omission). Later commands of a case are issued as soon as the previous
/// one is answered and measured from their own send.
/// </summary>
public sealed class Driver(Uri baseAddress, BenchOptions options)
{
    private const string Grid = "140521100001001";
    private const long HighestMicros = 60L * 60 * 1_000_000;

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromMinutes(2),
    };

    private string _catalogueItem = null!;

    public async Task PrepareAsync(CancellationToken ct)
    {
        using var login = await _http.PostAsJsonAsync("/api/auth/token", new { username = "d140521100", password = "demo" }, ct);
        var token = (await ReadAsync(login, ct)).GetProperty("accessToken").GetString();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var catalogue = await _http.GetAsync("/api/catalogue?county=140521", ct);
        _catalogueItem = (await ReadAsync(catalogue, ct)).GetProperty("categories")[0].GetProperty("items")[0].GetProperty("code").GetString()!;
    }

    /// <summary>A few cases, closed loop, recorded nowhere: JIT, connection pool and caches of both sides.</summary>
    public async Task WarmUpAsync(int cases, CancellationToken ct)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(options.Clients, Math.Max(cases, 1))).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < cases)
            {
                await RunCaseAsync(-1, Stopwatch.GetTimestamp(), new LongHistogram(HighestMicros, 3), null, [], ct);
            }
        }, ct)));
    }

    public async Task<LoadResult> RunAsync(CancellationToken ct)
    {
        var next = -1;
        var done = 0;
        var failed = 0;
        long transitions = 0;
        var buckets = new int[24 * 3600];
        var errors = new List<string>();
        var histograms = Enumerable.Range(0, options.Clients).Select(_ => new LongHistogram(HighestMicros, 3)).ToArray();
        var start = Stopwatch.GetTimestamp();
        var ticksPerCase = options.Rate is { } rate ? Stopwatch.Frequency / rate : 0;

        using var progressStop = new CancellationTokenSource();
        var progress = Task.Run(async () =>
        {
            var last = 0L;
            while (!progressStop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(2000, progressStop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                var now = Interlocked.Read(ref transitions);
                Console.WriteLine($"  {Stopwatch.GetElapsedTime(start).TotalSeconds,6:F1} s  cases {Volatile.Read(ref done),6}/{options.Cases}  transitions/s {(now - last) / 2.0,8:F0}  failed {Volatile.Read(ref failed)}");
                last = now;
            }
        }, ct);

        await Task.WhenAll(histograms.Select(histogram => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < options.Cases)
            {
                var intended = options.Rate is null ? Stopwatch.GetTimestamp() : start + (long)(i * ticksPerCase);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }

                var ok = await RunCaseAsync(i, intended, histogram, (second) =>
                {
                    Interlocked.Increment(ref transitions);
                    Interlocked.Increment(ref buckets[Math.Min(second, buckets.Length - 1)]);
                }, errors, ct, start);
                if (ok)
                {
                    Interlocked.Increment(ref done);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }, ct)));
        var elapsed = Stopwatch.GetElapsedTime(start);
        await progressStop.CancelAsync();
        await progress;

        var total = new LongHistogram(HighestMicros, 3);
        foreach (var h in histograms)
        {
            total.Add(h);
        }

        var seconds = (int)Math.Ceiling(elapsed.TotalSeconds);
        return new LoadResult(done, failed, transitions, elapsed, total, buckets.Take(Math.Max(seconds, 1)).ToArray(), errors);
    }

    private async Task<bool> RunCaseAsync(int i, long intended, LongHistogram latency, Action<int>? onTransition, List<string> errors, CancellationToken ct, long runStart = 0)
    {
        var stepStart = intended;
        async Task<JsonElement?> Step(string path, object body)
        {
            using var response = await _http.PostAsJsonAsync(path, body, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var now = Stopwatch.GetTimestamp();
            latency.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(stepStart, now).TotalMicroseconds));
            stepStart = now;
            if (!response.IsSuccessStatusCode)
            {
                lock (errors)
                {
                    if (errors.Count < 20)
                    {
                        errors.Add($"case {i}: {path} → {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
                    }
                }

                return null;
            }

            onTransition?.Invoke((int)Stopwatch.GetElapsedTime(runStart, now).TotalSeconds);
            return JsonDocument.Parse(text).RootElement;
        }

        var step = await Step("/api/events", new
        {
            catalogueItemCode = _catalogueItem,
            gridCode = Grid,
            channel = "GridPatrol",
            title = $"压测事件 {i}",
            description = "bench",
        });
        (string Node, string Outcome, object? Data)[] path =
        [
            ("triage", "filed", new { difficulty = 2, scope = "Township" }),
            ("handle", "resolved", new { resolution = "已处理" }),
            ("verify", "confirmed", null),
            ("evaluate", "evaluated", new { satisfaction = 5 }),
        ];
        foreach (var (node, outcome, data) in path)
        {
            if (step is null)
            {
                return false;
            }

            var task = step.Value.GetProperty("openTasks").EnumerateArray().FirstOrDefault(t => t.GetProperty("nodeId").GetString() == node);
            if (task.ValueKind != JsonValueKind.Object)
            {
                lock (errors)
                {
                    if (errors.Count < 20)
                    {
                        errors.Add($"case {i}: no open {node} task in {step}");
                    }
                }

                return false;
            }

            step = await Step($"/api/tasks/{task.GetProperty("id").GetString()}/complete", data is null ? new { outcome } : new { outcome, data });
        }

        return step is not null;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} → {(int)response.StatusCode} {text}");
    }
}
