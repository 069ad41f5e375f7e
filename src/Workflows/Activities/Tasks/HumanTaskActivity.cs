using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities.Routing;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Expressions;

namespace GridCase.Workflows.Activities.Tasks;

/// <summary>
/// Opens a task in a queue and waits for it to be completed with one of its outcomes and a valid form.
/// A deadline adds the <c>warning</c> and <c>overdue</c> ports.
/// </summary>
public sealed class HumanTaskActivity : IActivity
{
    public const string Warning = "warning";
    public const string Overdue = "overdue";

    /// <summary>The rule a forEach task with an empty list leaves by (through its first outcome).</summary>
    public const string EmptyForEachRule = "forEach:empty";

    private static readonly string[] Keys = ["queue", "form", "fields", "outcomes", "deadline", "purpose", "forEach", "separateFrom", "claimFromAbove"];

    private static readonly Dictionary<string, TaskPurpose> Purposes = new(StringComparer.Ordinal)
    {
        ["disposal"] = TaskPurpose.Disposal,
        ["check"] = TaskPurpose.Check,
        ["visit"] = TaskPurpose.Visit,
    };

    public string Type => "HumanTask";

    public ActivityDescriptor Descriptor { get; } = new(
        "HumanTask", "人工任务", "Human task", "Tasks",
        "Opens a task in a unit's queue; completing it with an outcome and a valid form continues through that outcome. A deadline adds the warning and overdue ports.",
        Schema, [], OutcomesFromProps: "outcomes");

    private static string Schema =>
        """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","required":["queue","form","outcomes"],"properties":{"queue":"""
        + UnitTarget.Schema(UnitTarget.QueueKinds)
        + ""","form":{"title":"表单 Form","type":"string","minLength":1},"fields":{"title":"表单字段 Fields","type":"array","items":"""
        + FormField.Schema
        + """},"outcomes":{"title":"处理结果 Outcomes","type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","minLength":1,"not":{"enum":["warning","overdue"]}}},"deadline":"""
        + DeadlineSpec.Schema
        + ""","purpose":{"title":"任务性质 Purpose (only disposal counts under the no-push-down rule)","enum":["disposal","check","visit"],"default":"disposal"}"""
        + ""","forEach":{"title":"逐项办理（单位列表变量） For each unit in a units variable","type":"string","minLength":1}"""
        + ""","separateFrom":{"title":"监管分离（不得由这些节点的办理人办理） Separate from the performers of","type":"array","uniqueItems":true,"items":{"type":"string","minLength":1}}"""
        + ""","claimFromAbove":{"title":"上级可认领 A dispatcher above may claim","type":"boolean","default":false}},"additionalProperties":false}""";

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        props.OnlyKnown(Keys);
        var queue = UnitTarget.Read(props, "queue", UnitTarget.QueueKinds, context.Variables);
        var form = props.String("form", required: true);
        var outcomes = props.Strings("outcomes", required: true);
        if (outcomes is { Count: 0 })
        {
            props.Problem(ProblemCodes.InvalidProperty, "任务至少需要一个结果 / a task needs at least one outcome.");
        }

        foreach (var reserved in outcomes?.Where(o => o is Warning or Overdue) ?? [])
        {
            props.Problem(ProblemCodes.InvalidProperty, $"'{reserved}' 是时限的端口，不能作为任务结果 / '{reserved}' is the deadline's port and cannot be a task outcome.");
        }

        var fields = FormField.ReadAll(props, outcomes, context.Variables);
        var deadline = props.Object("deadline", required: false) is { } element ? DeadlineSpec.Read(props, element, outcomes, context.Variables) : null;
        var purpose = TaskPurpose.Disposal;
        if (props.String("purpose", required: false) is { } purposeText && !Purposes.TryGetValue(purposeText, out purpose))
        {
            props.Problem(ProblemCodes.InvalidProperty, "purpose 须为 disposal（处置）、check（核查）或 visit（回访） / purpose must be disposal, check or visit.");
        }

        var forEach = props.String("forEach", required: false);
        if (forEach is not null && context.Variables.GetValueOrDefault(forEach) != VariableType.Units)
        {
            props.Problem(ProblemCodes.UnknownVariable, $"forEach 须为已声明的 units 变量，'{forEach}' 不是 / forEach must name a declared units variable; '{forEach}' is not one.");
        }

        if (queue is not null && (queue.Kind == UnitTargetKind.Item) != (forEach is not null))
        {
            props.Problem(ProblemCodes.InvalidProperty, forEach is null
                ? "queue {\"item\":true} 仅用于带 forEach 的任务（多实例任务） / queue {\"item\":true} is only for a task with forEach."
                : "带 forEach 的任务在每一项的单位排队：queue {\"item\":true} / a task with forEach is queued at each item: queue {\"item\":true}.");
        }

        var separateFrom = props.Strings("separateFrom", required: false) ?? [];
        var claimFromAbove = props.Bool("claimFromAbove") ?? false;
        if (props.Failed || queue is null || form is null || outcomes is null || fields is null)
        {
            return null;
        }

        var rules = new TaskRules(purpose, queue.Kind == UnitTargetKind.Responsible, separateFrom, deadline?.OverdueInterrupts ?? true, claimFromAbove);
        return new Compiled(node, queue, form.Trim(), outcomes, fields, deadline, context.Variables, rules, forEach);
    }

    private sealed class Compiled(
        NodeDefinition node,
        UnitTarget queue,
        string form,
        IReadOnlyList<string> outcomes,
        IReadOnlyList<FormField> fields,
        DeadlineSpec? deadline,
        IReadOnlyDictionary<string, VariableType> variables,
        TaskRules rules,
        string? forEach) : CompiledActivity(node)
    {
        public override IReadOnlyList<string> Outcomes { get; } = deadline is null ? outcomes : [.. outcomes, Warning, Overdue];

        // Only disposal at grid level is a push-down: a check or a visit there is not an assignment.
        public override RoutingReach Reach { get; } = new(RaisesFloor: false, AssignsToGrid: queue.CanAssignToGrid && rules.Purpose == TaskPurpose.Disposal);

        public override TaskRules TaskRules { get; } = rules;

        public override ActivityResult Execute(ActivityContext context)
        {
            if (forEach is not null)
            {
                return ExecuteForEach(context, forEach);
            }

            var (unit, error) = queue.Resolve(context);
            if (unit is null)
            {
                return ActivityResult.Fault($"{Node.Id}: the queue ({queue}) cannot be resolved: {error}");
            }

            TaskDeadline? due = null;
            if (deadline is not null)
            {
                (due, error) = deadline.Compute(context);
                if (due is null)
                {
                    return ActivityResult.Fault($"{Node.Id}: the deadline cannot be computed: {error}");
                }
            }

            return new ActivityResult.Suspend(new TaskWait(unit.Value, form, outcomes, due), []);
        }

        private ActivityResult ExecuteForEach(ActivityContext context, string variable)
        {
            var items = new List<UnitCode>();
            if (context.Variables.GetValueOrDefault(variable) is System.Collections.IEnumerable list and not string)
            {
                foreach (var item in list)
                {
                    if (item is not string text || !UnitCode.TryParse(text, out var code) || context.Org.Find(code) is null)
                    {
                        return ActivityResult.Fault($"{Node.Id}: '{item}' in {variable} is not a unit in the organisation.");
                    }

                    if (!items.Contains(code))
                    {
                        items.Add(code);
                    }
                }
            }

            if (items.Count == 0)
            {
                return new ActivityResult.Continue([outcomes[0]], [], EmptyForEachRule);
            }

            TaskDeadline? due = null;
            if (deadline is not null)
            {
                string? error;
                (due, error) = deadline.Compute(context);
                if (due is null)
                {
                    return ActivityResult.Fault($"{Node.Id}: the deadline cannot be computed: {error}");
                }
            }

            return new ActivityResult.Suspend(new TaskWait(items[0], form, outcomes, due) { Items = items }, []);
        }

        public override ActivityResult Complete(ActivityContext context, string outcome, IReadOnlyDictionary<string, object?> data)
        {
            if (!outcomes.Contains(outcome))
            {
                return ActivityResult.Reject("outcome", $"此任务没有结果 {outcome}，请选择：{string.Join("、", outcomes)} / '{outcome}' is not an outcome of this task; choose one of {string.Join(", ", outcomes)}.");
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var name in data.Keys.Where(k => !fields.Any(f => f.Name == k)))
            {
                errors[name] = [$"表单中没有此项 / {name} is not a field of the form '{form}'."];
            }

            var effects = new List<ActivityEffect>();
            foreach (var field in fields)
            {
                var (value, error) = field.Accept(data.GetValueOrDefault(field.Name), context.Org);
                if (error is not null)
                {
                    errors[field.Name] = [error];
                }
                else if (value is null)
                {
                    if (field.IsRequiredFor(outcome))
                    {
                        errors[field.Name] = [$"选择此结果时须填写此项 / {field.Name} is required for '{outcome}'."];
                    }
                }
                else if (variables.TryGetValue(field.Name, out var type))
                {
                    effects.Add(new SetVariable(field.Name, FormField.ForVariable(value, type)));
                }
            }

            foreach (var field in fields.Where(f => f.NotSameAs is not null && !errors.ContainsKey(f.Name)))
            {
                var rule = field.NotSameAs!;
                var value = ExpressionValues.Normalize(data.GetValueOrDefault(field.Name)) as string;
                var given = rule.Unless is not null && ExpressionValues.Normalize(data.GetValueOrDefault(rule.Unless)) is string reason && reason.Trim().Length > 0;
                if (value is not null && !given && context.Variables.GetValueOrDefault(rule.Variable) is string earlier && earlier == value.Trim())
                {
                    errors[field.Name] = [rule.Unless is null
                        ? $"{field.Name} 不能与 {rule.Variable}（{earlier}）相同 / {field.Name} cannot be {earlier}, the value of {rule.Variable}."
                        : $"{field.Name} 为 {earlier}，即 {rule.Variable}；须填写 {rule.Unless} 说明理由 / {field.Name} is {earlier}, the {rule.Variable}; give {rule.Unless} to choose it again."];
                }
            }

            return errors.Count > 0
                ? new ActivityResult.Rejected(errors)
                : new ActivityResult.Continue([outcome], effects, null);
        }
    }
}
