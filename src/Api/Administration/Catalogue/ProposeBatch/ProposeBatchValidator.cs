using FluentValidation;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Administration.Catalogue.ProposeBatch;

/// <summary>
/// The shape of a batch, each mistake named by its place (<c>items[2].timeLimits.simple</c>); what depends on the
/// county's catalogue and units is checked by the domain in the handler.
/// </summary>
public sealed class ProposeBatchValidator : AbstractValidator<ProposeBatchCommand>
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 100;
    public const int MaxNoteLength = 500;
    public const int MaxItems = 500;

    /// <summary>A year of working days: a longer limit is a typing mistake.</summary>
    public const int MaxHours = 2000;

    private const string CodePattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    public ProposeBatchValidator()
    {
        RuleFor(c => c.Note).NotEmpty().WithMessage("请填写批次说明 / note is required.")
            .MaximumLength(MaxNoteLength).WithMessage($"批次说明过长 / note has at most {MaxNoteLength} characters.");
        RuleFor(c => c.Categories).Must(c => c is null || c.Count <= MaxItems)
            .WithMessage($"一个批次最多 {MaxItems} 个类别 / a batch has at most {MaxItems} categories.");
        RuleFor(c => c.Items).NotEmpty().WithMessage("一个批次至少纳入一个事项 / items: a batch admits at least one item.")
            .Must(i => i is null || i.Count <= MaxItems).WithMessage($"一个批次最多 {MaxItems} 个事项 / a batch has at most {MaxItems} items.");

        RuleForEach(c => c.Categories)
            .NotNull().WithMessage("类别不能为空 / a category cannot be null.").OverridePropertyName("categories")
            .ChildRules(category =>
            {
                Code(category.RuleFor(c => c!.Code), "code", "类别编码");
                Name(category.RuleFor(c => c!.Name), "name", "类别名称");
            });

        RuleForEach(c => c.Items)
            .NotNull().WithMessage("事项不能为空 / an item cannot be null.").OverridePropertyName("items")
            .ChildRules(item =>
            {
                Code(item.RuleFor(i => i!.Code), "code", "事项编码");
                Name(item.RuleFor(i => i!.Name), "name", "事项名称");
                Code(item.RuleFor(i => i!.CategoryCode), "categoryCode", "类别编码");
                item.RuleFor(i => i!.OwningDepartment)
                    .Must(d => UnitCode.TryParse(d, out var code) && code.IsDepartment).OverridePropertyName("owningDepartment")
                    .WithMessage("请填写主管部门编码，如 140521HB / owningDepartment must be a department code such as 140521HB.");
                item.RuleFor(i => i!.DefaultLevel)
                    .Must(l => Enum.TryParse<OrgLevel>(l, ignoreCase: false, out var level) && Enum.IsDefined(level) && !char.IsAsciiDigit(l![0])).OverridePropertyName("defaultLevel")
                    .WithMessage($"默认处置层级无效 / defaultLevel must be one of {string.Join(", ", Enum.GetNames<OrgLevel>())}.");
                item.RuleFor(i => i!.TimeLimits)
                    .NotNull().OverridePropertyName("timeLimits").WithMessage("请填写四级难度的时限 / timeLimits {simple, ordinary, complex, major} are required.");
                item.When(i => i!.TimeLimits is not null, () =>
                {
                    Hours(item.RuleFor(i => i!.TimeLimits!.Simple), "timeLimits.simple");
                    Hours(item.RuleFor(i => i!.TimeLimits!.Ordinary), "timeLimits.ordinary");
                    Hours(item.RuleFor(i => i!.TimeLimits!.Complex), "timeLimits.complex");
                    Hours(item.RuleFor(i => i!.TimeLimits!.Major), "timeLimits.major");
                });
            });
    }

    private static void Code<T>(IRuleBuilder<T, string?> rule, string field, string label) =>
        rule.NotEmpty().WithMessage($"请填写{label} / {field} is required.").OverridePropertyName(field)
            .MaximumLength(MaxCodeLength).WithMessage($"{label}过长 / {field} has at most {MaxCodeLength} characters.")
            .Matches(CodePattern).WithMessage($"{label}只能含字母、数字、'.'、'_'、'-' / {field} is letters, digits, '.', '_' or '-'.");

    private static void Name<T>(IRuleBuilder<T, string?> rule, string field, string label) =>
        rule.NotEmpty().WithMessage($"请填写{label} / {field} is required.").OverridePropertyName(field)
            .MaximumLength(MaxNameLength).WithMessage($"{label}过长 / {field} has at most {MaxNameLength} characters.");

    private static void Hours<T>(IRuleBuilder<T, int?> rule, string field) =>
        rule.NotNull().WithMessage($"请填写时限 / {field} is required (working hours).").OverridePropertyName(field)
            .InclusiveBetween(1, MaxHours).WithMessage($"时限须为 1–{MaxHours} 个工作小时 / {field} must be 1–{MaxHours} working hours.");
}
