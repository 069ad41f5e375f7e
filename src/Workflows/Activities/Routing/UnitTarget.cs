using System.Text.Json;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities.Tasks;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Routing;

public enum UnitTargetKind
{
    /// <summary><c>{"level":"Township"}</c>: the area at that level containing the case's grid (Grid: the grid itself).</summary>
    Level,

    /// <summary><c>{"owningDepartment":true}</c>: the catalogue item's owning department.</summary>
    OwningDepartment,

    /// <summary><c>{"unit":"140521GA"}</c>: a fixed unit.</summary>
    Unit,

    /// <summary><c>{"responsible":true}</c>: the unit responsible now.</summary>
    Responsible,

    /// <summary><c>{"dispatching":true}</c>: the unit that dispatched the case, else the township of its grid.</summary>
    Dispatching,

    /// <summary><c>{"item":true}</c>: queues of a <c>forEach</c> task only: each instance's own unit from the list.</summary>
    Item,

    /// <summary><c>{"variable":"targetUnit"}</c>: the unit code held in a declared string variable (filled by a <c>unit</c> field).</summary>
    Variable,

    /// <summary><c>{"supervising":true}</c>: the unit that flagged the case for supervision (督办).</summary>
    Supervising,
}

/// <summary>
/// Which unit a queue or a route target means, as written in props: one of <c>level</c>, <c>owningDepartment</c>,
/// <c>unit</c>, <c>responsible</c>, <c>dispatching</c>. Resolved against the org directory at run time.
/// </summary>
public sealed record UnitTarget(UnitTargetKind Kind, OrgLevel? Level = null, UnitCode? Unit = null, string? Variable = null)
{
    public static IReadOnlyList<UnitTargetKind> RouteKinds { get; } =
        [UnitTargetKind.Level, UnitTargetKind.OwningDepartment, UnitTargetKind.Unit, UnitTargetKind.Dispatching, UnitTargetKind.Variable, UnitTargetKind.Supervising];

    public static IReadOnlyList<UnitTargetKind> QueueKinds { get; } = Enum.GetValues<UnitTargetKind>();

    private static readonly Dictionary<UnitTargetKind, string> Keys = new()
    {
        [UnitTargetKind.Level] = "level",
        [UnitTargetKind.OwningDepartment] = "owningDepartment",
        [UnitTargetKind.Unit] = "unit",
        [UnitTargetKind.Responsible] = "responsible",
        [UnitTargetKind.Dispatching] = "dispatching",
        [UnitTargetKind.Item] = "item",
        [UnitTargetKind.Variable] = "variable",
        [UnitTargetKind.Supervising] = "supervising",
    };

    /// <summary>
    /// True when the target can be at or above the level where the floor starts (township by default) or a
    /// department. The analysis uses the default policy: compilation does not know the configured one.
    /// </summary>
    public bool CanRaiseFloor => Kind switch
    {
        UnitTargetKind.Level => Level >= NoPushDownPolicy.Default.FloorFrom,
        UnitTargetKind.OwningDepartment => true,
        UnitTargetKind.Unit => Unit!.Value.IsDepartment || Unit.Value.AreaLevel >= NoPushDownPolicy.Default.FloorFrom,
        // The dispatching centre is normally a township or county command centre.
        UnitTargetKind.Dispatching => true,
        // A unit chosen on a form may be anything; the supervising unit is a higher area.
        UnitTargetKind.Variable or UnitTargetKind.Supervising => true,
        _ => false,
    };

    /// <summary>
    /// True when the target is at grid level (the level the default policy blocks). A <c>variable</c> or
    /// <c>item</c> target is filled on a form at run time and is not counted here: counting it would flag every
    /// re-dispatch a dispatcher chooses, so the run-time check (<c>EscalationBlocked</c>) is what guards it.
    /// </summary>
    public bool CanAssignToGrid => Kind switch
    {
        UnitTargetKind.Level => Level <= NoPushDownPolicy.Default.BlockedLevel,
        UnitTargetKind.Unit => Unit!.Value.AreaLevel <= NoPushDownPolicy.Default.BlockedLevel,
        _ => false,
    };

    /// <summary>Reads the required object property <paramref name="name"/>, allowing only <paramref name="allowed"/> kinds.</summary>
    public static UnitTarget? Read(
        PropsReader props, string name, IReadOnlyList<UnitTargetKind> allowed, IReadOnlyDictionary<string, VariableType>? variables = null)
    {
        if (props.Object(name, required: true) is not { } element)
        {
            return null;
        }

        var allowedKeys = allowed.Select(k => Keys[k]).ToList();
        var choices = string.Join(", ", allowedKeys);
        props.OnlyKnown(element, name, allowedKeys);
        var present = allowed.Where(k => element.TryGetProperty(Keys[k], out _)).ToList();
        if (present.Count != 1)
        {
            props.Problem(
                present.Count == 0 ? ProblemCodes.MissingProperty : ProblemCodes.InvalidProperty,
                $"{name} 须指定且只能指定 {string.Join("、", allowedKeys)} 中的一项 / {name} must name exactly one of {choices}.");
            return null;
        }

        var kind = present[0];
        var value = element.GetProperty(Keys[kind]);
        switch (kind)
        {
            case UnitTargetKind.Level:
                var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                var level = Enum.GetNames<OrgLevel>().FirstOrDefault(n => string.Equals(n, text, StringComparison.Ordinal));
                if (level is null)
                {
                    props.Problem(ProblemCodes.InvalidProperty, $"{name}.level 须为 {string.Join("、", Enum.GetNames<OrgLevel>())} 之一 / {name}.level must be one of {string.Join(", ", Enum.GetNames<OrgLevel>())}.");
                    return null;
                }

                return new UnitTarget(kind, Level: Enum.Parse<OrgLevel>(level));
            case UnitTargetKind.Unit:
                if (value.ValueKind != JsonValueKind.String || !UnitCode.TryParse(value.GetString(), out var code))
                {
                    props.Problem(ProblemCodes.InvalidProperty, $"{name}.unit 须为单位代码（如 140521100 或 140521GA） / {name}.unit must be a unit code (e.g. 140521100 or 140521GA).");
                    return null;
                }

                return new UnitTarget(kind, Unit: code);
            case UnitTargetKind.Variable:
                var variable = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                if (variable is null || variables?.GetValueOrDefault(variable) != VariableType.String)
                {
                    props.Problem(ProblemCodes.UnknownVariable, $"{name}.variable 须为已声明的文字变量（由 'unit' 字段填写） / {name}.variable must name a declared string variable (filled by a 'unit' field).");
                    return null;
                }

                return new UnitTarget(kind, Variable: variable);
            default:
                if (value.ValueKind != JsonValueKind.True)
                {
                    props.Problem(ProblemCodes.InvalidProperty, $"{name}.{Keys[kind]} 须为 true / {name}.{Keys[kind]} must be true.");
                    return null;
                }

                return new UnitTarget(kind);
        }
    }

    /// <summary>The unit meant now, or why there is none (a unit or area missing from the directory).</summary>
    public (UnitCode? Unit, string? Error) Resolve(ActivityContext context)
    {
        var grid = context.Subject.GridCode;
        switch (Kind)
        {
            case UnitTargetKind.Level:
                return context.Org.AreaAt(grid, Level!.Value) is { } area
                    ? (area.Code, null)
                    : (null, $"no {Level} area containing grid {grid} is in the organisation.");
            case UnitTargetKind.OwningDepartment:
                var department = context.Subject.OwningDepartment;
                return context.Org.Find(department) is not null
                    ? (department, null)
                    : (null, $"the owning department {department} of item {context.Subject.CatalogueItemCode} is not in the organisation.");
            case UnitTargetKind.Unit:
                return context.Org.Find(Unit!.Value) is not null ? (Unit, null) : (null, $"unit {Unit} is not in the organisation.");
            case UnitTargetKind.Responsible:
                return (context.Responsibility.ResponsibleUnit, null);
            case UnitTargetKind.Item:
                return (null, "an item queue names each instance's unit and is resolved by forEach.");
            case UnitTargetKind.Variable:
                return context.Variables.GetValueOrDefault(Variable!) is string text && UnitCode.TryParse(text, out var chosen) && context.Org.Find(chosen) is not null
                    ? (chosen, null)
                    : (null, $"variable '{Variable}' does not hold the code of a unit in the organisation.");
            case UnitTargetKind.Supervising:
                return context.Supervising is { } supervising
                    ? (supervising, null)
                    : (null, "the case has not been flagged for supervision.");
            default:
                if (context.Responsibility.DispatchingUnit is { } dispatching)
                {
                    return (dispatching, null);
                }

                return context.Org.AreaAt(grid, OrgLevel.Township) is { } township
                    ? (township.Code, null)
                    : (null, $"the case has no dispatching unit and no township containing grid {grid} is in the organisation.");
        }
    }

    public override string ToString() => Kind switch
    {
        UnitTargetKind.Level => $"level {Level}",
        UnitTargetKind.Unit => $"unit {Unit}",
        UnitTargetKind.Variable => $"variable {Variable}",
        _ => Keys[Kind],
    };

    /// <summary>The JSON Schema of the object, offering the <paramref name="allowed"/> kinds.</summary>
    public static string Schema(IReadOnlyList<UnitTargetKind> allowed)
    {
        var options = allowed.Select(kind => kind switch
        {
            UnitTargetKind.Level =>
                """{"title":"按层级 By level","required":["level"],"properties":{"level":{"enum":["Grid","Village","Township","County","City"]}},"additionalProperties":false}""",
            UnitTargetKind.Unit =>
                """{"title":"指定单位 Fixed unit","required":["unit"],"properties":{"unit":{"type":"string","pattern":"^(?:\\d{6}|\\d{9}|\\d{12}|\\d{15})(?:[A-Z][A-Z0-9]*)?$","maxLength":32}},"additionalProperties":false}""",
            UnitTargetKind.OwningDepartment => Flag("owningDepartment", "主管部门 Owning department"),
            UnitTargetKind.Responsible => Flag("responsible", "当前责任单位 Responsible unit"),
            UnitTargetKind.Item => Flag("item", "逐项单位（forEach） Each item's unit"),
            UnitTargetKind.Supervising => Flag("supervising", "督办单位 Supervising unit"),
            UnitTargetKind.Variable =>
                """{"title":"变量中的单位 Unit in a variable","required":["variable"],"properties":{"variable":{"type":"string","minLength":1}},"additionalProperties":false}""",
            _ => Flag("dispatching", "派遣单位 Dispatching unit"),
        });
        return $$"""{"type":"object","oneOf":[{{string.Join(",", options)}}]}""";
    }

    private static string Flag(string key, string title) =>
        $$$"""{"title":"{{{title}}}","required":["{{{key}}}"],"properties":{"{{{key}}}":{"const":true}},"additionalProperties":false}""";
}
