using System.Globalization;
using System.Text.RegularExpressions;
using GridCase.Workflows.Activities.Tasks;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Timing;

/// <summary>Waits for a calendar duration, a number of working hours, or until a point in time; then "done".</summary>
public sealed partial class TimerActivity : IActivity
{
    private static readonly string[] Kinds = ["duration", "workingHours", "until"];

    public string Type => "Timer";

    public ActivityDescriptor Descriptor { get; } = new(
        "Timer", "定时等待", "Timer", "Timing",
        "Waits for a calendar duration (ISO-8601), a number of working hours, or until a time; a time already past continues at once.",
        """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{
        "duration":{"title":"自然时长 Calendar duration (ISO-8601)","type":"string","pattern":"^P(?!$)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$","examples":["PT1H"]},
        "workingHours":{"title":"工作时 Working hours","type":"number","exclusiveMinimum":0,"maximum":10000},
        "until":{"title":"截止时刻 Until (with offset)","type":"string","format":"date-time","examples":["2026-10-08T09:00:00+08:00"]}},
        "oneOf":[{"required":["duration"]},{"required":["workingHours"]},{"required":["until"]}],
        "additionalProperties":false}
        """,
        ["done"]);

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        props.OnlyKnown(Kinds);
        var present = Kinds.Where(k => props.Get(k) is not null).ToList();
        if (present.Count != 1)
        {
            props.Problem(
                present.Count == 0 ? ProblemCodes.MissingProperty : ProblemCodes.InvalidProperty,
                "duration、workingHours、until 须给出且只能给出一项 / give exactly one of duration, workingHours or until.");
            return null;
        }

        var compiled = Read(props, present[0]);
        return props.Failed ? null : compiled;
    }

    private static Compiled? Read(PropsReader props, string kind)
    {
        var value = props.Get(kind)!.Value;
        switch (kind)
        {
            case "duration":
                return TimeAmount.ReadDuration(props, value, "duration") is { } duration ? new Compiled(props.Node, duration, null) : null;
            case "workingHours":
                return TimeAmount.ReadWorkingHours(props, value, "workingHours") is { } hours ? new Compiled(props.Node, hours, null) : null;
            default:
                var text = value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString()!.Trim() : "";
                if (!InstantPattern().IsMatch(text)
                    || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
                {
                    props.Problem(ProblemCodes.InvalidProperty, "until 须为带时区偏移的日期时间，如 2026-10-08T09:00:00+08:00 / until must be a date and time with its offset, e.g. 2026-10-08T09:00:00+08:00.");
                    return null;
                }

                return new Compiled(props.Node, null, until);
        }
    }

    // The offset is required: "09:00" alone would depend on the server's time zone.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex InstantPattern();

    private sealed class Compiled(NodeDefinition node, TimeAmount? amount, DateTimeOffset? until) : CompiledActivity(node)
    {
        public override IReadOnlyList<string> Outcomes { get; } = ["done"];

        public override ActivityResult Execute(ActivityContext context)
        {
            if (until is { } time && time <= context.Now)
            {
                return ActivityResult.Next("done");
            }

            var due = until?.ToOffset(TimeSpan.Zero) ?? amount!.After(context.Now, context.Calendar);
            return new ActivityResult.Suspend(new TimerWait(due), []);
        }
    }
}
