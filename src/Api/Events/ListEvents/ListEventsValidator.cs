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
            .WithMessage("单位须为单位代码，如 140521 或 140521100 / unit must be a unit code such as 140521 or 140521100.");
        RuleFor(q => q.Status)
            .Must(status => Enum.GetNames<CaseStatus>().Contains(status, StringComparer.OrdinalIgnoreCase))
            .When(q => q.Status is not null)
            .WithMessage($"状态须为以下之一：{string.Join("、", Enum.GetNames<CaseStatus>())} / status must be one of {string.Join(", ", Enum.GetNames<CaseStatus>())}.");
        RuleFor(q => q.Q).MaximumLength(100).WithMessage("查找内容最多 100 个字 / q has at most 100 characters.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null).WithMessage("页码从 1 开始 / page starts at 1.");
        RuleFor(q => q.PageSize)
            .InclusiveBetween(1, Paging.MaxPageSize)
            .When(q => q.PageSize is not null)
            .WithMessage($"每页数量须在 1 到 {Paging.MaxPageSize} 之间 / pageSize must be 1–{Paging.MaxPageSize}.");
    }
}
