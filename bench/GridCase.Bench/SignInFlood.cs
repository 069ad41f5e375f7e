using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using HdrHistogram;
using GridCase.Testing;

namespace GridCase.Bench;

/// <summary>Latency of the ordinary traffic in one phase, in ms, and what the flood got meanwhile.</summary>
public sealed record FloodPhase(
    string Name, long Requests, int Failed, double P50Ms, double P99Ms, double MaxMs, double ServerPercentOfOneCore,
    long FloodAttempts, double FloodAttemptsPerSecond, IReadOnlyDictionary<string, long> FloodAnswers);

public sealed record SignInTiming(int Attempts, double WrongPasswordMedianMs, double UnknownUserMedianMs, double WrongPasswordP90Ms, double UnknownUserP90Ms);

public sealed record SignInFloodReport(
    DateTimeOffset At, int Cores, string Server, double TrafficPerSecond, double PhaseSeconds, int FloodClients,
    SignInTiming Timing, FloodPhase Idle, FloodPhase Flood, double P99Ratio)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>
/// <c>--signin-flood</c>: does a wrong-password flood starve everyone else? The real server (SQLite, demo city) with
/// the default password-check bound, but no per-address or per-name limits (the harness lifts them: the flood stands
/// for many addresses and names, so every attempt reaches PBKDF2). First the cost of an unknown user against a wrong
/// password, one at a time; then ordinary traffic (a report and a queue read, alternately, at a fixed rate, measured
/// from each request's intended start) alone, then the same traffic while 32 clients send wrong passwords for unknown
/// names as fast as they are answered. The figure that matters: p99 under the flood ÷ p99 idle (issue: ≤ 3).
/// </summary>
public static class SignInFlood
{
    private const long HighestMicros = 60L * 1_000_000;
    private const string County = "140521";

    public static async Task<int> RunAsync(string root, BenchOptions options, CancellationToken ct)
    {
        var scratch = Directory.CreateTempSubdirectory("gridcase-signin-flood-");
        try
        {
            var dll = ServerProcess.PublishApi(root);
            Console.WriteLine($"sign-in flood: {options.FloodClients} flood clients, ordinary traffic {options.FloodTraffic}/s, {options.FloodSeconds} s per phase; {Environment.ProcessorCount} cores");
            await using var server = await ServerProcess.StartAsync(dll, Directory.CreateDirectory(Path.Combine(scratch.FullName, "data")).FullName, null, ct, options.ServerArgs);
            Console.WriteLine($"      {server.BaseAddress} (pid {server.ProcessId}) started in {server.FirstCommand.TotalMilliseconds:F0} ms");
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = server.BaseAddress,
                Timeout = TimeSpan.FromMinutes(1),
            };
            var traffic = await OrdinaryTraffic.SignInAsync(http, ct);

            Console.WriteLine("[1/3] an unknown user against a wrong password, one at a time ...");
            var timing = await TimeRefusalsAsync(http, traffic.GridMembers, ct);
            Console.WriteLine($"      median wrong password {timing.WrongPasswordMedianMs} ms, unknown user {timing.UnknownUserMedianMs} ms (p90 {timing.WrongPasswordP90Ms} / {timing.UnknownUserP90Ms} ms)");

            var phase = TimeSpan.FromSeconds(options.FloodSeconds);
            await traffic.RunAsync(options.FloodTraffic, TimeSpan.FromSeconds(Math.Min(5, options.FloodSeconds)), server, ct); // warm-up
            Console.WriteLine($"[2/3] ordinary traffic alone for {options.FloodSeconds} s ...");
            var idle = await traffic.RunAsync(options.FloodTraffic, phase, server, ct) with { Name = "idle" };
            Print(idle);

            Console.WriteLine($"[3/3] the same traffic during a {options.FloodClients}-client wrong-password flood ...");
            using var stopFlood = new CancellationTokenSource();
            var answers = new ConcurrentDictionary<string, long>();
            long attempts = 0;
            var flood = Enumerable.Range(0, options.FloodClients).Select(c => Task.Run(async () =>
            {
                for (var i = 0; !stopFlood.IsCancellationRequested; i++)
                {
                    try
                    {
                        using var response = await http.PostAsJsonAsync("/api/auth/token", new { username = $"flood{c}-{i}", password = "wrong" }, stopFlood.Token);
                        answers.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                        Interlocked.Increment(ref attempts);
                    }
                    catch (OperationCanceledException) when (stopFlood.IsCancellationRequested)
                    {
                    }
                }
            })).ToList();
            await Task.Delay(TimeSpan.FromSeconds(2), ct); // the flood reaches its pace
            var before = Interlocked.Read(ref attempts);
            var answersBefore = answers.ToDictionary();
            var flooded = await traffic.RunAsync(options.FloodTraffic, phase, server, ct);
            var during = Interlocked.Read(ref attempts) - before;
            flooded = flooded with
            {
                Name = "flood",
                FloodAttempts = during,
                FloodAttemptsPerSecond = Math.Round(during / phase.TotalSeconds, 1),
                FloodAnswers = answers.ToDictionary(a => a.Key, a => a.Value - answersBefore.GetValueOrDefault(a.Key)),
            };
            await stopFlood.CancelAsync();
            await Task.WhenAll(flood);
            Print(flooded);

            var report = new SignInFloodReport(DateTimeOffset.Now, Environment.ProcessorCount,
                "dotnet artifacts/server/GridCase.Api.dll (Release, ReadyToRun) --GridCase:Demo=true, SQLite, sign-in limits per address and name lifted"
                + (options.ServerArgs.Count == 0 ? ", password checks bounded by default" : " " + string.Join(' ', options.ServerArgs)),
                options.FloodTraffic, options.FloodSeconds, options.FloodClients, timing, idle, flooded, Math.Round(flooded.P99Ms / idle.P99Ms, 2));
            var path = Path.Combine(Directory.CreateDirectory(Path.Combine(root, "bench", "results")).FullName, "signin-flood.json");
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, SignInFloodReport.Json), ct);
            Console.WriteLine();
            Console.WriteLine($"ordinary traffic p99: idle {idle.P99Ms} ms, during the flood {flooded.P99Ms} ms: ratio {report.P99Ratio} (target ≤ 3)");
            Console.WriteLine($"refusals: wrong password {timing.WrongPasswordMedianMs} ms, unknown user {timing.UnknownUserMedianMs} ms (medians of {timing.Attempts})");
            Console.WriteLine($"wrote {path}");
            return idle.Failed + flooded.Failed == 0 ? 0 : 1;
        }
        finally
        {
            try
            {
                scratch.Delete(recursive: true);
            }
            catch (IOException)
            {
                // a file still held open; the temp folder is cleaned by the OS
            }
        }
    }

    private static void Print(FloodPhase p) =>
        Console.WriteLine($"      {p.Requests} requests ({p.Failed} failed): p50 {p.P50Ms} ms, p99 {p.P99Ms} ms, max {p.MaxMs} ms; server CPU {p.ServerPercentOfOneCore}% of one core"
            + (p.FloodAttempts > 0 ? $"; flood {p.FloodAttemptsPerSecond}/s answered {string.Join(", ", p.FloodAnswers.OrderBy(a => a.Key).Select(a => $"{a.Key}×{a.Value}"))}" : ""));

    /// <summary>Wrong passwords for distinct existing users (no lockout) and as many distinct unknown names, interleaved.</summary>
    private static async Task<SignInTiming> TimeRefusalsAsync(HttpClient http, IReadOnlyList<string> gridMembers, CancellationToken ct)
    {
        var wrong = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < gridMembers.Count; i++)
        {
            // Each goes first every other time: whatever one attempt leaves behind (a commit's checkpoint) falls on both.
            if (i % 2 == 0)
            {
                wrong.Add(await RefusalMsAsync(http, gridMembers[i], ct));
                unknown.Add(await RefusalMsAsync(http, gridMembers[i] + "x", ct));
            }
            else
            {
                unknown.Add(await RefusalMsAsync(http, gridMembers[i] + "x", ct));
                wrong.Add(await RefusalMsAsync(http, gridMembers[i], ct));
            }
        }

        static double At(List<double> values, double quantile) => Math.Round(values.Order().ElementAt((int)(quantile * (values.Count - 1))), 1);
        return new SignInTiming(gridMembers.Count, At(wrong, 0.5), At(unknown, 0.5), At(wrong, 0.9), At(unknown, 0.9));
    }

    private static async Task<double> RefusalMsAsync(HttpClient http, string userName, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { username = userName, password = "wrong" }, ct);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return (int)response.StatusCode == 401 ? ms : throw new InvalidOperationException($"{userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>A township dispatcher's ordinary work: report an event, read the queue; at a fixed rate.</summary>
    private sealed class OrdinaryTraffic(HttpClient http, string catalogueItem, IReadOnlyList<string> gridMembers)
    {
        public IReadOnlyList<string> GridMembers => gridMembers;

        public static async Task<OrdinaryTraffic> SignInAsync(HttpClient http, CancellationToken ct)
        {
            using var login = await http.PostAsJsonAsync("/api/auth/token", new { username = "d140521100", password = "demo" }, ct);
            var token = (await ReadAsync(login, ct)).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var catalogue = await http.GetAsync($"/api/catalogue?county={County}", ct);
            var item = (await ReadAsync(catalogue, ct)).GetProperty("categories")[0].GetProperty("items")[0].GetProperty("code").GetString()!;
            using var grids = await http.GetAsync("/api/org-units?level=Grid", ct);
            var members = (await ReadAsync(grids, ct)).EnumerateArray().Select(u => u.GetProperty("code").GetString()!)
                .Where(c => c.StartsWith(County, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(40).Select(c => "g" + c).ToList();
            return new OrdinaryTraffic(http, item, members);
        }

        public async Task<FloodPhase> RunAsync(double perSecond, TimeSpan duration, ServerProcess server, CancellationToken ct)
        {
            var latency = new LongHistogram(HighestMicros, 3);
            var failed = 0;
            var inFlight = new List<Task>();
            var count = (int)(perSecond * duration.TotalSeconds);
            var cpu = server.CpuTime;
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                // Due at start + i / rate, measured from then: a stalled server shows in the latency (no coordinated omission).
                var intended = start + (long)(i * Stopwatch.Frequency / perSecond);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }

                var n = i;
                inFlight.Add(Task.Run(async () =>
                {
                    using var response = n % 2 == 0
                        ? await http.PostAsJsonAsync("/api/events", new { catalogueItemCode = catalogueItem, gridCode = "140521100001001", channel = "GridPatrol", title = $"登录洪泛期间的事件 {n}" }, ct)
                        : await http.GetAsync("/api/tasks?queue=140521100", ct);
                    await response.Content.LoadIntoBufferAsync(ct);
                    var micros = Math.Max(1, (long)Stopwatch.GetElapsedTime(intended).TotalMicroseconds);
                    lock (latency)
                    {
                        latency.RecordValue(Math.Min(micros, HighestMicros));
                        if (!response.IsSuccessStatusCode)
                        {
                            failed++;
                        }
                    }
                }, ct));
            }

            await Task.WhenAll(inFlight);
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var cpuPercent = Math.Round((server.CpuTime - cpu).TotalSeconds / seconds * 100, 1);
            return new FloodPhase("", latency.TotalCount, failed, BenchReport.Ms(latency, 50), BenchReport.Ms(latency, 99),
                Math.Round(latency.GetMaxValue() / 1000.0, 2), cpuPercent, 0, 0, new Dictionary<string, long>());
        }

        private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            return response.IsSuccessStatusCode
                ? JsonDocument.Parse(text).RootElement.Clone()
                : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} → {(int)response.StatusCode} {text}");
        }
    }
}
