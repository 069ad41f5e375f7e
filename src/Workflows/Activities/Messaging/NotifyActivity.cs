using System.Text.RegularExpressions;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities.Routing;
using GridCase.Workflows.Activities.Tasks;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Messaging;

/// <summary>
/// Records a notification to the reporter, the 12345 hotline, the responsible or dispatching unit, or a fixed
/// unit. The message is fixed text: the engine never holds personal data, so none can be put in it.
/// </summary>
public sealed partial class NotifyActivity : IActivity
{
    public const int MaxMessageLength = 500;
    public const string UnitPrefix = "unit:";

    public static readonly IReadOnlyList<string> Recipients = ["reporter", "hotline12345", "responsible", "dispatching"];

    public string Type => "Notify";

    public ActivityDescriptor Descriptor { get; } = new(
        "Notify", "通知", "Notify", "Messaging",
        "Records a notification (fixed text, no personal data) to the reporter, the 12345 hotline, the responsible or dispatching unit, or unit:<code>.",
        """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","required":["recipient","message"],"properties":{
        "recipient":{"title":"接收方 Recipient","type":"string","anyOf":[{"enum":["reporter","hotline12345","responsible","dispatching"]},{"pattern":"^unit:(?:\\d{6}|\\d{9}|\\d{12}|\\d{15})(?:[A-Z][A-Z0-9]*)?$"}]},
        "message":{"title":"消息 Message","type":"string","minLength":1,"maxLength":500}},
        "additionalProperties":false}
        """,
        ["done"]);

    public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
    {
        var props = new PropsReader(node, problems);
        props.OnlyKnown("recipient", "message");
        var recipient = props.String("recipient", required: true)?.Trim();
        var message = props.String("message", required: true)?.Trim();
        UnitCode? unit = null;
        if (recipient is not null && !Recipients.Contains(recipient))
        {
            if (recipient.StartsWith(UnitPrefix, StringComparison.Ordinal) && UnitCode.TryParse(recipient[UnitPrefix.Length..], out var code))
            {
                unit = code;
            }
            else
            {
                props.Problem(ProblemCodes.InvalidProperty, $"recipient 须为 {string.Join("、", Recipients)} 之一，或 unit:<单位代码> / recipient must be one of {string.Join(", ", Recipients)} or unit:<code>.");
            }
        }

        if (message is not null && message.Length > MaxMessageLength)
        {
            props.Problem(ProblemCodes.InvalidProperty, $"message 最多 {MaxMessageLength} 个字 / message must be at most {MaxMessageLength} characters.");
        }

        if (message is not null && PersonalDataPattern().IsMatch(message))
        {
            props.Problem(ProblemCodes.InvalidProperty, "message 似乎含有电话号码或身份证号码，通知不得含个人信息 / message looks as if it holds a phone or identity card number; messages must not carry personal data.");
        }

        return props.Failed || recipient is null || message is null ? null : new Compiled(node, recipient, unit, message);
    }

    // Mainland mobile numbers and 18-character identity card numbers.
    [GeneratedRegex(@"(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx])(?!\d)")]
    private static partial Regex PersonalDataPattern();

    private sealed class Compiled(NodeDefinition node, string recipient, UnitCode? unit, string message) : CompiledActivity(node)
    {
        private static readonly UnitTarget Dispatching = new(UnitTargetKind.Dispatching);

        public override IReadOnlyList<string> Outcomes { get; } = ["done"];

        // Unit recipients are recorded as the unit they resolve to now, so the journal says who was told.
        public override ActivityResult Execute(ActivityContext context)
        {
            switch (recipient)
            {
                case "responsible":
                    return Told(context.Responsibility.ResponsibleUnit);
                case "dispatching":
                    var (dispatching, error) = Dispatching.Resolve(context);
                    return dispatching is { } code ? Told(code) : ActivityResult.Fault($"{Node.Id}: {error}");
                case "reporter" or "hotline12345":
                    return ActivityResult.Next("done", null, new Notify(recipient, message));
                default:
                    return context.Org.Find(unit!.Value) is null
                        ? ActivityResult.Fault($"{Node.Id}: unit {unit} is not in the organisation.")
                        : Told(unit.Value);
            }
        }

        private ActivityResult Told(UnitCode code) => ActivityResult.Next("done", null, new Notify(UnitPrefix + code.Value, message));
    }
}
