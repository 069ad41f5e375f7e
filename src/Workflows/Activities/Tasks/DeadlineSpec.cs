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
    public const double DefaultWarnAt = 0.8;

    /// <summary>The difficulty assumed when the <c>difficulty</c> variable is not (yet) a valid 1–4.</summary>
    public const Difficulty DefaultDifficulty = Difficulty.Ordinary;

    public const string Schema =
        """
        {"title":"时限 Deadline","type":"object","properties":{
        "workingHours":{"title":"工作时 Working hours","type":"number","exclusiveMinimum":0,"maximum":10000},
        "duration":{"title":"自然时长 Calendar duration (ISO-8601)","type":"string","pattern":"^P(?!$)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$"},
        "fromCatalogue":{"title":"按事项清单时限 From the catalogue","const":true},
        "warnAt":{"title":"预警点 Warning point","type":"number","exclusiveMinimum":0,"exclusiveMaximum":1,"default":0.8}},
        "oneOf":[{"required":["workingHours"]},{"required":["duration"]},{"required":["fromCatalogue"]}],
        "additionalProperties":false}
        """;

    private static readonly string[] Kinds = ["workingHours", "duration", "fromCatalogue"];

    public bool FromCatalogue => Amount is null;

    public static DeadlineSpec? Read(PropsReader props, JsonElement element)
    {
        props.OnlyKnown(element, "deadline", [.. Kinds, "warnAt"]);
        var present = Kinds.Where(k => element.TryGetProperty(k, out _)).ToList();
        if (present.Count != 1)
        {
            props.Problem(
                present.Count == 0 ? ProblemCodes.MissingProperty : ProblemCodes.InvalidProperty,
                "deadline must give exactly one of workingHours, duration or fromCatalogue.");
            return null;
        }

        var warnAt = DefaultWarnAt;
        if (element.TryGetProperty("warnAt", out var w))
        {
            if (w.ValueKind != JsonValueKind.Number || w.GetDouble() is not (> 0 and < 1))
            {
                props.Problem(ProblemCodes.InvalidProperty, "deadline.warnAt must be a fraction between 0 and 1 (exclusive), e.g. 0.8.");
                return null;
            }

            warnAt = w.GetDouble();
        }

        var value = element.GetProperty(present[0]);
        switch (present[0])
        {
            case "workingHours":
                return TimeAmount.ReadWorkingHours(props, value, "deadline.workingHours") is { } hours ? new DeadlineSpec(hours, warnAt) : null;
            case "duration":
                return TimeAmount.ReadDuration(props, value, "deadline.duration") is { } duration ? new DeadlineSpec(duration, warnAt) : null;
            default:
                if (value.ValueKind != JsonValueKind.True)
                {
                    props.Problem(ProblemCodes.InvalidProperty, "deadline.fromCatalogue must be true.");
                    return null;
                }

                return new DeadlineSpec(null, warnAt);
        }
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

        return (new TaskDeadline(amount.After(context.Now, context.Calendar, WarnAt), amount.After(context.Now, context.Calendar)), null);
    }

    private static Difficulty DifficultyOf(object? value) =>
        ExpressionValues.Normalize(value) switch
        {
            long l when l is >= 1 and <= 4 => (Difficulty)l,
            double d when d is 1 or 2 or 3 or 4 => (Difficulty)(int)d,
            _ => DefaultDifficulty,
        };
}
