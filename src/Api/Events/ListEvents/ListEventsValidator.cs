using FluentValidation;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Events.ListEvents;

public sealed class ListEventsValidator : AbstractValidator<ListEventsQuery>
{
    public ListEventsValidator()
    {
        RuleFor(q => q.Unit)
            .Must(unit => UnitCode.TryParse(unit, out _))
            .When(q => q.Unit is not null)
            .WithMessage("unit must be a unit code such as 140521 or 140521100.");
        RuleFor(q => q.Status)
            .Must(status => Enum.GetNames<CaseStatus>().Contains(status, StringComparer.OrdinalIgnoreCase))
            .When(q => q.Status is not null)
            .WithMessage($"status must be one of {string.Join(", ", Enum.GetNames<CaseStatus>())}.");
        RuleFor(q => q.Q).MaximumLength(100).WithMessage("q has at most 100 characters.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null).WithMessage("page starts at 1.");
        RuleFor(q => q.PageSize)
            .InclusiveBetween(1, Paging.MaxPageSize)
            .When(q => q.PageSize is not null)
            .WithMessage($"pageSize must be 1–{Paging.MaxPageSize}.");
    }
}
