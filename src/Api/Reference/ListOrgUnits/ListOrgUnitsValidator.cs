using FluentValidation;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Reference.ListOrgUnits;

public sealed class ListOrgUnitsValidator : AbstractValidator<ListOrgUnitsQuery>
{
    public ListOrgUnitsValidator()
    {
        RuleFor(q => q.Level)
            .Must(level => Enum.GetNames<OrgLevel>().Contains(level, StringComparer.OrdinalIgnoreCase))
            .When(q => q.Level is not null)
            .WithMessage($"层级须为以下之一：{string.Join("、", Enum.GetNames<OrgLevel>())} / level must be one of {string.Join(", ", Enum.GetNames<OrgLevel>())}.");
        RuleFor(q => q.Parent)
            .Must(parent => UnitCode.TryParse(parent, out _))
            .When(q => q.Parent is not null)
            .WithMessage("上级单位代码无效 / parent must be a unit code such as 140521 or 140521100.");
    }
}
