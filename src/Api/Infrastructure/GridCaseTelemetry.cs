using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using GridCase.Persistence;
using GridCase.Workflows.Runtime;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// GridCase's own spans and instruments: the "GridCase.Engine" activity source (a span per command, per engine step
/// and per timer delivery, each tagged with the case id) and the "GridCase" meter. The names here are the ones an
/// operator finds in a trace viewer or on <c>/metrics</c> (dots become underscores there, with the unit and
/// <c>_total</c> appended: <c>gridcase_commands_total</c>, <c>gridcase_command_duration_seconds</c>, …).
/// </summary>
public static class GridCaseTelemetry
{
    public const string EngineSourceName = "GridCase.Engine";
    public const string MeterName = WriterQueueMetrics.MeterName;
    public const string CaseIdTag = "gridcase.case_id";

    public static readonly ActivitySource Engine = new(EngineSourceName);

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Commands (a unit of work on one case: a report, a completed task, an intervention, a timer) by command and result.</summary>
    public static readonly Counter<long> Commands = Meter.CreateCounter<long>(
        "gridcase.commands", "{command}", "Commands handled by the engine, by command and result.");

    /// <summary>Journal entries committed (task opened, completed, routed, escalated …), by kind.</summary>
    public static readonly Counter<long> Transitions = Meter.CreateCounter<long>(
        "gridcase.transitions", "{transition}", "Workflow transitions committed (journal entries), by kind.");

    public static readonly Histogram<double> CommandDuration = Meter.CreateHistogram<double>(
        "gridcase.command.duration", "s", "Time from a command's start to its commit (or refusal), writer turn included.");

    public static readonly Histogram<double> TimerLag = Meter.CreateHistogram<double>(
        "gridcase.timer.lag", "s", "How late a timer was delivered after its due time.");

    static GridCaseTelemetry()
    {
        Meter.CreateObservableGauge("gridcase.tasks.open", () => OperationalGauges.Current.Tasks(open: true),
            "{task}", "Open tasks per unit queue (refreshed every GridCase:Telemetry:GaugeInterval).");
        Meter.CreateObservableGauge("gridcase.tasks.overdue", () => OperationalGauges.Current.Tasks(open: false),
            "{task}", "Open tasks past their due time per unit queue (refreshed every GridCase:Telemetry:GaugeInterval).");
        Meter.CreateObservableGauge("gridcase.timers.due", () => OperationalGauges.Current.TimersDue,
            "{timer}", "Pending timers past their due time and not yet delivered (zero on a healthy node).");
        Meter.CreateObservableGauge("gridcase.timer_schedule.backlog", () => OperationalGauges.ScheduleBacklog(),
            "{request}", "Committed timer changes waiting for the reconciler to bring Quartz in line (the after-commit outbox).");
    }

    /// <summary>Makes sure the gauges exist before the first scrape.</summary>
    public static void EnsureInstruments() => RuntimeHelpers.RunClassConstructor(typeof(GridCaseTelemetry).TypeHandle);

    /// <summary>A span for one engine step on one case (null when nobody listens).</summary>
    public static Activity? StartStep(Guid caseId, string stimulus)
    {
        var span = Engine.StartActivity("engine.step " + stimulus);
        span?.SetTag(CaseIdTag, caseId.ToString());
        span?.SetTag("gridcase.stimulus", stimulus);
        // The enclosing command learns which case and stimulus it is about.
        if (span?.Parent is { OperationName: CommandSpanName } command)
        {
            command.SetTag(CaseIdTag, caseId.ToString());
            command.SetTag("gridcase.command", stimulus);
        }

        return span;
    }

    public const string CommandSpanName = "engine.command";

    /// <summary>Tags a finished step with what it did.</summary>
    public static void Stepped(Activity? span, RunOutcome outcome)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag("gridcase.transitions", outcome.Entries.Count);
        if (outcome.State is { } state)
        {
            span.SetTag("gridcase.workflow", $"{state.DefinitionId} v{state.Version}");
        }

        if (outcome.Refusal is { } refusal)
        {
            span.SetTag("gridcase.refusal", refusal.Code);
        }
    }

    /// <summary>The name a stimulus is counted and traced by: its type without the "Stimulus" suffix.</summary>
    public static string NameOf(Stimulus stimulus)
    {
        var name = stimulus.GetType().Name;
        return name.EndsWith("Stimulus", StringComparison.Ordinal) ? name[..^"Stimulus".Length] : name;
    }
}
