using System.Diagnostics;
using System.Runtime.InteropServices;
using HdrHistogram;
using GridCase.Bench;
using GridCase.Testing;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
if (options.SignInFlood)
{
    return await SignInFlood.RunAsync(ServerProcess.RepoRoot(), options, ct);
}

var root = ServerProcess.RepoRoot();
var scratch = Directory.CreateTempSubdirectory("gridcase-bench-");
var postgres = options.Db == "postgres";
var database = $"gridcase_bench_{DateTime.UtcNow:yyyyMMddHHmmss}_{Environment.ProcessId}";
var mode = options.Rate is { } rate ? $"open loop at {rate} cases/s" : "closed loop";
Console.WriteLine($"GridCase bench: {options.Cases} cases on {options.Db}, {options.Clients} clients, {mode}; {Environment.ProcessorCount} cores; scratch {scratch.FullName}");

try
{
    var dll = ServerProcess.PublishApi(root);
    var baselineDuration = TimeSpan.FromSeconds(options.BaselineSeconds);

    Console.WriteLine($"[1/5] baseline: raw SQLite single-row commits (WAL, synchronous=NORMAL) for {options.BaselineSeconds} s ...");
    var sqliteRate = Baselines.SqliteCommitsPerSecond(scratch.FullName, baselineDuration);
    Console.WriteLine($"      {sqliteRate:F0} commits/s");

    string? connectionString = null;
    double? postgresRate = null;
    if (postgres)
    {
        connectionString = await Baselines.CreatePostgresDatabaseAsync(options.Postgres!, database, ct);
        Console.WriteLine($"      PostgreSQL database {database}; raw single-row INSERTs for {options.BaselineSeconds} s ...");
        postgresRate = await Baselines.PostgresInsertsPerSecondAsync(connectionString, baselineDuration, ct);
        Console.WriteLine($"      {postgresRate:F0} inserts/s");
    }

    Console.WriteLine($"[2/5] starting the server: dotnet {Path.GetRelativePath(root, dll)} ...");
    var dataDirectory = Directory.CreateDirectory(Path.Combine(scratch.FullName, "data")).FullName;
    LoadResult load;
    double firstCommandMs;
    double serverCpuSeconds;
    double driverCpuSeconds;
    await using (var server = await ServerProcess.StartAsync(dll, dataDirectory, connectionString, ct))
    {
        firstCommandMs = server.FirstCommand.TotalMilliseconds;
        Console.WriteLine($"      {server.BaseAddress} (pid {server.ProcessId}): first command answered {firstCommandMs:F0} ms after the process started (fresh data folder, demo city seeded)");

        var driver = new Driver(server.BaseAddress, options);
        await driver.PrepareAsync(ct);
        Console.WriteLine($"[3/5] warm-up: {options.Warmup} cases (not recorded) ...");
        await driver.WarmUpAsync(options.Warmup, ct);
        Console.WriteLine($"      driving {options.Cases} cases, {mode} ...");
        var serverCpu = server.CpuTime;
        var driverCpu = Process.GetCurrentProcess().TotalProcessorTime;
        load = await driver.RunAsync(ct);
        serverCpuSeconds = (server.CpuTime - serverCpu).TotalSeconds;
        driverCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - driverCpu).TotalSeconds;
        Console.WriteLine($"      CPU during the load: server {serverCpuSeconds:F1} s, this driver {driverCpuSeconds:F1} s, over {load.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores");
        foreach (var error in load.Errors)
        {
            Console.WriteLine($"      error: {error}");
        }
    }

    double restartMs;
    await using (var again = await ServerProcess.StartAsync(dll, dataDirectory, connectionString, ct))
    {
        restartMs = again.FirstCommand.TotalMilliseconds;
        Console.WriteLine($"      restart on the same data: first command after {restartMs:F0} ms");
    }

    Console.WriteLine($"[4/5] peer: the same shape in-process, {options.PeerCases} cases, {options.Clients} clients ...");
    var ours = await Peer.GridCaseCasesPerSecondAsync(options.PeerCases, options.Clients);
    Console.WriteLine($"      GridCase engine, in-memory ports: {ours:F0} cases/s");
    var theirs = await Peer.WorkflowCoreCasesPerSecondAsync(options.PeerCases, options.Clients);
    Console.WriteLine($"      Workflow Core 3.22, in-memory:    {theirs:F0} cases/s");

    Console.WriteLine("[5/5] report ...");
    var seconds = load.Elapsed.TotalSeconds;
    var baseline = postgres ? postgresRate!.Value : sqliteRate;
    var transitionsPerSecond = load.Transitions / seconds;
    var h = load.LatencyMicros;
    var report = new BenchReport(
        DateTimeOffset.Now,
        Environment.ProcessorCount,
        $"{RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}",
        new BenchSettings(options.Db, mode, options.Rate, options.Clients, options.Warmup, options.BaselineSeconds, options.PeerCases,
            "dotnet artifacts/server/GridCase.Api.dll (Release, ReadyToRun) --GridCase:Demo=true (fresh data folder)", RuntimeInformation.FrameworkDescription),
        load.Cases,
        load.FailedCases,
        Math.Round(seconds, 2),
        Math.Round(load.Cases / seconds, 1),
        load.Transitions,
        Math.Round(transitionsPerSecond, 1),
        BenchReport.Ms(h, 50),
        BenchReport.Ms(h, 90),
        BenchReport.Ms(h, 99),
        BenchReport.Ms(h, 99.9),
        Math.Round(h.GetMaxValue() / 1000.0, 2),
        Math.Round(h.GetMean() / 1000.0, 2),
        h.TotalCount,
        Math.Round(firstCommandMs),
        Math.Round(restartMs),
        postgres ? "raw PostgreSQL single-row INSERTs/s" : "raw SQLite single-row commits/s (WAL, synchronous=NORMAL)",
        Math.Round(baseline),
        Math.Round(sqliteRate),
        postgresRate is { } pr ? Math.Round(pr) : null,
        Math.Round(transitionsPerSecond / baseline, 4),
        new PeerFigures(Math.Round(ours), Math.Round(theirs), options.PeerCases, options.Clients),
        new CpuFigures(
            Math.Round(serverCpuSeconds / seconds * 100, 1),
            Math.Round(driverCpuSeconds / seconds * 100, 1),
            Math.Round(serverCpuSeconds * 1000 / Math.Max(load.Transitions, 1), 2)),
        load.TransitionsPerSecond,
        load.Errors);

    var results = Directory.CreateDirectory(Path.Combine(root, "bench", "results")).FullName;
    report.WriteJson(Path.Combine(results, "latest.json"));
    report.WriteChart(Path.Combine(results, "latest.png"), h);
    report.PrintTable();
    Console.WriteLine($"wrote {Path.Combine(results, "latest.json")} and latest.png");
    return load.FailedCases == 0 ? 0 : 1;
}
finally
{
    if (postgres)
    {
        try
        {
            await Baselines.DropPostgresDatabaseAsync(options.Postgres!, database);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            Console.Error.WriteLine($"could not drop {database}: {ex.Message}");
        }
    }

    try
    {
        scratch.Delete(recursive: true);
    }
    catch (IOException)
    {
        // a file still held open; the temp folder is cleaned by the OS
    }
}
