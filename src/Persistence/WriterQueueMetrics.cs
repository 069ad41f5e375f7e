using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GridCase.Persistence;

/// <summary>
/// How long a SQLite write waited for this process's writer turn (<see cref="WriterGate"/>), as
/// <c>gridcase.writer_queue.wait</c> (seconds) on the "GridCase" meter. PostgreSQL has no gate and records nothing.
/// </summary>
public static class WriterQueueMetrics
{
    public const string MeterName = "GridCase";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Wait = Meter.CreateHistogram<double>(
        "gridcase.writer_queue.wait", "s", "Time a SQLite write waited for this process's writer turn.");

    internal static async Task EnterAsync(WriterGate gate, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await gate.EnterAsync(cancellationToken);
        Wait.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
