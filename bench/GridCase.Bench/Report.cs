using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HdrHistogram;
using ScottPlot;

namespace GridCase.Bench;

public sealed record BenchSettings(string Db, string Mode, double? Rate, int Clients, int Warmup, double BaselineSeconds, int PeerCases, string Server, string Runtime);

/// <summary>CPU used during the load, in percent of one core, and the server's CPU per committed transition.</summary>
public sealed record CpuFigures(double ServerPercentOfOneCore, double DriverPercentOfOneCore, double ServerCpuMsPerTransition);

public sealed record PeerFigures(double GridCaseCasesPerSecond, double WorkflowCoreCasesPerSecond, int Cases, int Clients);

public sealed record BenchReport(
    DateTimeOffset At,
    int Cores,
    string Machine,
    BenchSettings Settings,
    int Cases,
    int FailedCases,
    double ElapsedSeconds,
    double CasesPerSecond,
    long Transitions,
    double TransitionsPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double P999Ms,
    double MaxMs,
    double MeanMs,
    long Commands,
    double FirstCommandMs,
    double FirstCommandRestartMs,
    string BaselineKind,
    double BaselineCommitsPerSecond,
    double? SqliteCommitsPerSecond,
    double? PostgresInsertsPerSecond,
    double RatioToBaseline,
    PeerFigures Peer,
    CpuFigures Cpu,
    IReadOnlyList<int> TransitionsPerSecondTimeline,
    IReadOnlyList<string> Errors)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static double Ms(LongHistogram h, double percentile) => Math.Round(h.GetValueAtPercentile(percentile) / 1000.0, 2);

    public void WriteJson(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public void PrintTable()
    {
        var ci = CultureInfo.InvariantCulture;
        (string, string)[] rows =
        [
            ("cases (failed)", $"{Cases} ({FailedCases})"),
            ("elapsed", string.Format(ci, "{0:F1} s", ElapsedSeconds)),
            ("cases/s", string.Format(ci, "{0:F1}", CasesPerSecond)),
            ("transitions/s", string.Format(ci, "{0:F0}", TransitionsPerSecond)),
            ("latency p50 / p90 / p99 / p99.9 / max", string.Format(ci, "{0} / {1} / {2} / {3} / {4} ms", P50Ms, P90Ms, P99Ms, P999Ms, MaxMs)),
            ("first command after start (fresh / restart)", string.Format(ci, "{0:F0} / {1:F0} ms", FirstCommandMs, FirstCommandRestartMs)),
            ($"baseline: {BaselineKind}", string.Format(ci, "{0:F0} /s", BaselineCommitsPerSecond)),
            ("ratio transitions/s ÷ baseline", string.Format(ci, "{0:F3}", RatioToBaseline)),
            ("peer: GridCase in-memory cases/s", string.Format(ci, "{0:F0}", Peer.GridCaseCasesPerSecond)),
            ("peer: Workflow Core 3.22 in-memory cases/s", string.Format(ci, "{0:F0}", Peer.WorkflowCoreCasesPerSecond)),
            ("CPU during load: server / driver (% of one core)", string.Format(ci, "{0} / {1}", Cpu.ServerPercentOfOneCore, Cpu.DriverPercentOfOneCore)),
            ("server CPU per transition", string.Format(ci, "{0} ms", Cpu.ServerCpuMsPerTransition)),
            ("cores", Cores.ToString(ci)),
        ];
        var width = rows.Max(r => r.Item1.Length);
        Console.WriteLine();
        Console.WriteLine(new string('─', width + 30));
        foreach (var (name, value) in rows)
        {
            Console.WriteLine($"{name.PadRight(width)}  {value}");
        }

        Console.WriteLine(new string('─', width + 30));
    }

    /// <summary>Throughput over the run (transitions per second) and command latency by percentile.</summary>
    public void WriteChart(string path, LongHistogram latency)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);

        var throughput = multiplot.GetPlot(0);
        var timeline = TransitionsPerSecondTimeline.Select(v => (double)v).ToArray();
        throughput.Add.Bars(timeline);
        var mean = throughput.Add.HorizontalLine(TransitionsPerSecond);
        mean.LegendText = string.Format(CultureInfo.InvariantCulture, "mean {0:F0}/s", TransitionsPerSecond);
        throughput.Title(string.Format(CultureInfo.InvariantCulture, "{0} cases over HTTP ({1}): transitions per second; baseline {2:F0} commits/s, ratio {3:F3}", Cases, Settings.Db + ", " + Settings.Mode, BaselineCommitsPerSecond, RatioToBaseline));
        throughput.XLabel("second of the run");
        throughput.YLabel("transitions / s");
        throughput.ShowLegend();

        var percentiles = new[] { 50.0, 75, 90, 95, 99, 99.5, 99.9, 99.99, 100 };
        var plot = multiplot.GetPlot(1);
        var xs = percentiles.Select((_, i) => (double)i).ToArray();
        var ys = percentiles.Select(p => Ms(latency, p)).ToArray();
        plot.Add.Scatter(xs, ys);
        plot.Axes.Bottom.SetTicks(xs, percentiles.Select(p => p == 100 ? "max" : p.ToString(CultureInfo.InvariantCulture) + "%").ToArray());
        plot.Title(string.Format(CultureInfo.InvariantCulture, "command latency by percentile (p99 {0} ms); peer in-memory: GridCase {1:F0} vs Workflow Core {2:F0} cases/s", P99Ms, Peer.GridCaseCasesPerSecond, Peer.WorkflowCoreCasesPerSecond));
        plot.XLabel("percentile");
        plot.YLabel("ms");

        multiplot.SavePng(path, 1200, 900);
    }
}
