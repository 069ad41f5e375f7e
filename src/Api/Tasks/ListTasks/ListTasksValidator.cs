using FluentValidation;
using GridCase.Api.Events;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Ports;

namespace GridCase.Api.Tasks.ListTasks;

public sealed class ListTasksValidator : AbstractValidator<ListTasksQuery>
{
    public ListTasksValidator()
    {
        RuleFor(q => q.Queue)
            .Must(queue => UnitCode.TryParse(queue, out _))
            .When(q => q.Queue is not null)
            .WithMessage("队列须为单位代码，如 140521100 或 140521GA / queue must be a unit code such as 140521100 or 140521GA.");
        RuleFor(q => q.Status)
            .Must(status => Enum.GetNames<WorkTaskStatus>().Contains(status, StringComparer.OrdinalIgnoreCase))
            .When(q => q.Status is not null)
            .WithMessage($"状态须为以下之一：{string.Join("、", Enum.GetNames<WorkTaskStatus>())} / status must be one of {string.Join(", ", Enum.GetNames<WorkTaskStatus>())}.");
        RuleFor(q => q.Sort)
            .Must(sort => TaskSort.All.Contains(sort, StringComparer.OrdinalIgnoreCase))
            .When(q => q.Sort is not null)
            .WithMessage($"排序须为以下之一：{string.Join("、", TaskSort.All)} / sort must be one of {string.Join(", ", TaskSort.All)}.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null).WithMessage("页码从 1 开始 / page starts at 1.");
        RuleFor(q => q.PageSize)
            .InclusiveBetween(1, Paging.MaxPageSize)
            .When(q => q.PageSize is not null)
            .WithMessage($"每页数量须在 1 到 {Paging.MaxPageSize} 之间 / pageSize must be 1–{Paging.MaxPageSize}.");
    }
}
