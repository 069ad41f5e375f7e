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
            .WithMessage($"level must be one of {string.Join(", ", Enum.GetNames<OrgLevel>())}.");
        RuleFor(q => q.Parent)
            .Must(parent => UnitCode.TryParse(parent, out _))
            .When(q => q.Parent is not null)
            .WithMessage("parent must be a unit code such as 140521 or 140521100.");
    }
}
