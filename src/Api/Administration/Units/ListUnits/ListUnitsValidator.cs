using FluentValidation;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Administration.Units.ListUnits;

public sealed class ListUnitsValidator : AbstractValidator<ListUnitsQuery>
{
    public ListUnitsValidator()
    {
        RuleFor(q => q.Parent).Must(p => UnitCode.TryParse(p, out _)).When(q => q.Parent is not null)
            .WithMessage("上级单位代码无效 / parent must be a unit code such as 140521 or 140521100.");
        RuleFor(q => q.Q).MaximumLength(OrgUnit.MaxNameLength).Must(q => !string.IsNullOrWhiteSpace(q)).When(q => q.Q is not null)
            .WithMessage($"搜索词须为 1–{OrgUnit.MaxNameLength} 字 / q must have 1–{OrgUnit.MaxNameLength} characters.");
        RuleFor(q => q.Level)
            .Must(level => Enum.GetNames<OrgLevel>().Contains(level, StringComparer.OrdinalIgnoreCase)).When(q => q.Level is not null)
            .WithMessage($"层级须为以下之一：{string.Join("、", Enum.GetNames<OrgLevel>())} / level must be one of {string.Join(", ", Enum.GetNames<OrgLevel>())}.");
        RuleFor(q => q.After).Must(a => UnitCode.TryParse(a, out _)).When(q => q.After is not null)
            .WithMessage("游标无效，请使用上一页最后一个单位的代码 / after must be the code of the last unit of the previous page.");
        RuleFor(q => q.Limit).InclusiveBetween(1, ListUnitsQuery.MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"每页数量须在 1 到 {ListUnitsQuery.MaxLimit} 之间 / limit must be between 1 and {ListUnitsQuery.MaxLimit}.");
    }
}
