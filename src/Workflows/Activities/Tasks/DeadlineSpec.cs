using System.Text.Json;
using GridCase.Domain.Catalogue;
using GridCase.Workflows.Activities.Timing;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Expressions;

namespace GridCase.Workflows.Activities.Tasks;

/// <summary>
/// A task's deadline as written: <c>{"workingHours":2}</c>, <c>{"duration":"PT5S"}</c> (calendar time) or
/// <c>{"fromCatalogue":true}</c> (the item's time limit for the current difficulty, in working hours), each with an
/// optional <c>warnAt</c> fraction (default 0.8).
/// </summary>
public sealed record DeadlineSpec(TimeAmount? Amount, double WarnAt)
{
    /// <summary>Outcomes after which the time left is kept for the next task at this node (the clock stops).</summary>
    public IReadOnlyList<string> CarryOver { get; init; } = [];

    /// <summary>A declared variable of working hours added once when the kept time is resumed (an approved extension).</summary>
    public string? ExtendBy { get; init; }

    /// <summary>False: the overdue port runs while the task stays open (like the warning). Default true.</summary>
    public bool OverdueInterrupts { get; init; } = true;

    public const double DefaultWarnAt = 0.8;

    /// <summary>The difficulty assumed when the <c>difficulty</c> variable is not (yet) a valid 1–4.</summary>
    public const Difficulty DefaultDifficulty = Difficulty.Ordinary;

    public const string Schema =
        """
        {"title":"时限 Deadline","type":"object","properties":{
        "workingHours":{"title":"工作时 Working hours","type":"number","exclusiveMinimum":0,"maximum":10000},
        "duration":{"title":"自然时长 Calendar duration (ISO-8601)","type":"string","pattern":"^P(?!$)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$"},
        "fromCatalogue":{"title":"按事项清单时限 From the catalogue","const":true},
        "warnAt":{"title":"预警点 Warning point","type":"number","exclusiveMinimum":0,"exclusiveMaximum":1,"default":0.8},
        "carryOver":{"title":"停表结果 Outcomes that stop the clock","type":"array","items":{"type":"string"},"uniqueItems":true},
        "extendBy":{"title":"延期工作时变量 Variable with approved extra hours","type":"string"},
        "overdueInterrupts":{"title":"超时中断任务 Overdue interrupts the task","type":"boolean","default":true}},
        "oneOf":[{"required":["workingHours"]},{"required":["duration"]},{"required":["fromCatalogue"]}],
        "additionalProperties":false}
        """;

    private static readonly string[] Kinds = ["workingHours", "duration", "fromCatalogue"];

    public bool FromCatalogue => Amount is null;

    public static DeadlineSpec? Read(PropsReader props, JsonElement element, IReadOnlyList<string>? outcomes, IReadOnlyDictionary<string, VariableType> variables)
    {
        props.OnlyKnown(element, "deadline", [.. Kinds, "warnAt", "carryOver", "extendBy", "overdueInterrupts"]);
        var present = Kinds.Where(k => element.TryGetProperty(k, out _)).ToList();
        if (present.Count != 1)
        {
            props.Problem(
                present.Count == 0 ? ProblemCodes.MissingProperty : ProblemCodes.InvalidProperty,
                "deadline 须给出且只能给出 workingHours、duration、fromCatalogue 中的一项 / deadline must give exactly one of workingHours, duration or fromCatalogue.");
            return null;
        }

        var warnAt = DefaultWarnAt;
        if (element.TryGetProperty("warnAt", out var w))
        {
            if (w.ValueKind != JsonValueKind.Number || w.GetDouble() is not (> 0 and < 1))
            {
                props.Problem(ProblemCodes.InvalidProperty, "deadline.warnAt 须为 0 与 1 之间（不含 0 和 1）的小数，如 0.8 / deadline.warnAt must be a fraction between 0 and 1 (exclusive), e.g. 0.8.");
                return null;
            }

            warnAt = w.GetDouble();
        }

        var overdueInterrupts = true;
        if (element.TryGetProperty("overdueInterrupts", out var oi))
        {
            if (oi.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                props.Problem(ProblemCodes.InvalidProperty, "deadline.overdueInterrupts 须为 true 或 false / deadline.overdueInterrupts must be true or false.");
                return null;
            }

            overdueInterrupts = oi.GetBoolean();
        }

        var carryOver = ReadCarryOver(props, element, outcomes);
        var extendBy = ReadExtendBy(props, element, variables);
        var value = element.GetProperty(present[0]);
        DeadlineSpec? spec;
        switch (present[0])
        {
            case "workingHours":
                spec = TimeAmount.ReadWorkingHours(props, value, "deadline.workingHours") is { } hours ? new DeadlineSpec(hours, warnAt) : null;
                break;
            case "duration":
                spec = TimeAmount.ReadDuration(props, value, "deadline.duration") is { } duration ? new DeadlineSpec(duration, warnAt) : null;
                break;
            default:
                if (value.ValueKind != JsonValueKind.True)
                {
                    props.Problem(ProblemCodes.InvalidProperty, "deadline.fromCatalogue 须为 true / deadline.fromCatalogue must be true.");
                    return null;
                }

                spec = new DeadlineSpec(null, warnAt);
                break;
        }

        return spec is null ? null : spec with { CarryOver = carryOver, ExtendBy = extendBy, OverdueInterrupts = overdueInterrupts };
    }

    private static IReadOnlyList<string> ReadCarryOver(PropsReader props, JsonElement element, IReadOnlyList<string>? outcomes)
    {
        if (!element.TryGetProperty("carryOver", out var value))
        {
            return [];
        }

        var list = value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? value.EnumerateArray().Select(e => e.GetString()!).Distinct(StringComparer.Ordinal).ToList()
            : null;
        if (list is null)
        {
            props.Problem(ProblemCodes.InvalidProperty, "deadline.carryOver 须为本任务结果的数组 / deadline.carryOver must be an array of the task's outcomes.");
            return [];
        }

        foreach (var unknown in list.Where(o => outcomes is not null && !outcomes.Contains(o)))
        {
            props.Problem(ProblemCodes.UndeclaredOutcome, $"deadline.carryOver 中的 '{unknown}' 不是本任务的结果 / deadline.carryOver names '{unknown}', which is not an outcome of this task.");
        }

        return list;
    }

    private static string? ReadExtendBy(PropsReader props, JsonElement element, IReadOnlyDictionary<string, VariableType> variables)
    {
        if (!element.TryGetProperty("extendBy", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !variables.TryGetValue(value.GetString()!, out var type) || type is not (VariableType.Int or VariableType.Number))
        {
            props.Problem(ProblemCodes.UnknownVariable, "deadline.extendBy 须为已声明的 int 或 number 变量（工作时数） / deadline.extendBy must name a declared int or number variable (working hours).");
            return null;
        }

        return value.GetString();
    }

    /// <summary>The warning point and due time from now, or why they cannot be computed.</summary>
    public (TaskDeadline? Deadline, string? Error) Compute(ActivityContext context)
    {
        var amount = Amount;
        if (amount is null)
        {
            var difficulty = DifficultyOf(context.Values.GetValueOrDefault("difficulty"));
            if (!context.Subject.TimeLimitHours.TryGetValue(difficulty, out var hours) || hours <= 0)
            {
                return (null, $"item {context.Subject.CatalogueItemCode} has no time limit for difficulty {(int)difficulty}.");
            }

            amount = new WorkingTime(hours);
        }

        var resume = CarryOver.Count == 0 ? null : new DeadlineResume(amount is WorkingTime, WarnAt, CarryOver, ExtendBy);
        return (new TaskDeadline(amount.After(context.Now, context.Calendar, WarnAt), amount.After(context.Now, context.Calendar), resume), null);
    }

    private static Difficulty DifficultyOf(object? value) =>
        ExpressionValues.Normalize(value) switch
        {
            long l when l is >= 1 and <= 4 => (Difficulty)l,
            double d when d is 1 or 2 or 3 or 4 => (Difficulty)(int)d,
            _ => DefaultDifficulty,
        };
}
