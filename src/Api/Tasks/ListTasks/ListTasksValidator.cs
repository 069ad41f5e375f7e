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
            .WithMessage("queue must be a unit code such as 140521100 or 140521GA.");
        RuleFor(q => q.Status)
            .Must(status => Enum.GetNames<WorkTaskStatus>().Contains(status, StringComparer.OrdinalIgnoreCase))
            .When(q => q.Status is not null)
            .WithMessage($"status must be one of {string.Join(", ", Enum.GetNames<WorkTaskStatus>())}.");
        RuleFor(q => q.Sort)
            .Must(sort => TaskSort.All.Contains(sort, StringComparer.OrdinalIgnoreCase))
            .When(q => q.Sort is not null)
            .WithMessage($"sort must be one of {string.Join(", ", TaskSort.All)}.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null).WithMessage("page starts at 1.");
        RuleFor(q => q.PageSize)
            .InclusiveBetween(1, Paging.MaxPageSize)
            .When(q => q.PageSize is not null)
            .WithMessage($"pageSize must be 1–{Paging.MaxPageSize}.");
    }
}
