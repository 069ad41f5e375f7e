using FluentValidation;
using GridCase.Api.Events;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Ports;

namespace GridCase.Api.Tasks.ListTasks;

public sealed class ListTasksValidator : AbstractValidator<ListTasksQuery>
{
    public const int MaxSearchLength = 100;

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
        RuleFor(q => q.Q).MaximumLength(MaxSearchLength).WithMessage($"搜索词最多 {MaxSearchLength} 个字符 / q has at most {MaxSearchLength} characters.");
        RuleFor(q => q.Step)
            .Must(step => step!.Length <= 64 && step.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            .When(q => !string.IsNullOrEmpty(q.Step))
            .WithMessage("环节须为节点标识，如 triage、handle / step must be a node id such as triage or handle.");
        RuleFor(q => q.Mine).Must(IsFlag).WithMessage("mine 只能是 true 或 false / mine must be true or false.");
        RuleFor(q => q.Unclaimed).Must(IsFlag).WithMessage("unclaimed 只能是 true 或 false / unclaimed must be true or false.");
        RuleFor(q => q.Supervised).Must(IsFlag).WithMessage("supervised 只能是 true 或 false / supervised must be true or false.");
        RuleFor(q => q.Cursor)
            .Must((query, cursor) => TaskCursor.TryDecode(cursor, out var decoded)
                && string.Equals(decoded.Sort, query.Sort ?? TaskSort.DueAt, StringComparison.OrdinalIgnoreCase))
            .When(q => q.Cursor is not null)
            .WithMessage("游标无效：须为同一排序下上一页返回的 nextCursor / cursor must be the nextCursor of an earlier page read in the same sort.");
        RuleFor(q => q.Page).Null().When(q => q.Cursor is not null).WithMessage("page 与 cursor 不能同时使用 / page and cursor cannot be combined: the cursor says where to go on.");
    }

    /// <summary>Absent, <c>true</c> or <c>false</c>.</summary>
    public static bool IsFlag(string? value) => value is null || bool.TryParse(value, out _);
}
