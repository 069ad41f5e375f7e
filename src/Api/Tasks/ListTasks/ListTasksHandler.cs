using FluentValidation;
using FluentValidation.Results;
using GridCase.Api.Events;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Cases;
using GridCase.Persistence;
using GridCase.Persistence.Workflows;
using GridCase.Workflows.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Tasks.ListTasks;

/// <summary>
/// Reads one page of a queue (or, for readers of everything, of all queues), then that page's cases. Case filters (search,
/// 督办) are correlated lookups of each task's case by primary key: the queue's index bounds the tasks, the key finds the case.
/// </summary>
public sealed class ListTasksHandler(GridCaseDb db) : IQueryHandler<ListTasksQuery, QueuePageResponse>
{
    public async ValueTask<QueuePageResponse> Handle(ListTasksQuery query, CancellationToken cancellationToken)
    {
        var scope = CallerScope.For(query.Caller);
        if (query.Queue is not null && !scope.Covers(query.Queue))
        {
            throw new NotFoundException($"队列 {query.Queue}", $"Queue {query.Queue}");
        }

        var queue = query.Queue ?? (scope.ReadsEverything ? null : query.Caller.Unit?.Value);
        var status = query.Status is null ? WorkTaskStatus.Open : Enum.Parse<WorkTaskStatus>(query.Status, ignoreCase: true);
        var tasks = db.WorkflowTasks.AsNoTracking().Where(t => t.Status == status);
        if (queue is not null)
        {
            tasks = tasks.Where(t => t.Queue == queue);
        }

        tasks = Filter(tasks, query);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            tasks = Search(tasks, query.Q.Trim(), queueBounded: queue is not null);
        }

        var sort = TaskSort.All.First(s => string.Equals(s, query.Sort ?? TaskSort.DueAt, StringComparison.OrdinalIgnoreCase));
        var pageSize = query.PageSize ?? Paging.DefaultPageSize;
        var total = await tasks.CountAsync(cancellationToken);

        List<WorkflowTaskRow> found;
        if (query.Cursor is not null)
        {
            // The validator has decoded it already; a cursor of another sort never gets here.
            TaskCursor.TryDecode(query.Cursor, out var cursor);
            found = await Sorted(After(tasks, sort, cursor!), sort).Take(pageSize + 1).ToListAsync(cancellationToken);
        }
        else
        {
            // A long: page 2147483647 × 200 is far beyond int, and beyond any queue, so it is simply empty.
            var skip = ((long)(query.Page ?? 1) - 1) * pageSize;
            found = skip > int.MaxValue - pageSize - 1
                ? []
                : await Sorted(tasks, sort).Skip((int)skip).Take(pageSize + 1).ToListAsync(cancellationToken);
        }

        string? next = null;
        if (found.Count > pageSize)
        {
            found.RemoveAt(pageSize);
            var last = found[^1];
            next = TaskCursor.After(sort, last.DueAt, last.OpenedAt, last.TaskId).Encode();
        }

        var items = await QueueTaskRows.WithCasesAsync(db, found, cancellationToken);
        return new QueuePageResponse(items, query.Cursor is null ? query.Page ?? 1 : null, pageSize, total, next);
    }

    private IQueryable<WorkflowTaskRow> Filter(IQueryable<WorkflowTaskRow> tasks, ListTasksQuery query)
    {
        if (query.Overdue is { } overdue)
        {
            tasks = tasks.Where(t => t.Overdue == overdue);
        }

        if (!string.IsNullOrEmpty(query.Step))
        {
            tasks = tasks.Where(t => t.NodeId == query.Step);
        }

        var me = query.Caller.UserId;
        if (Flag(query.Mine) is { } mine)
        {
            tasks = mine ? tasks.Where(t => t.ClaimedBy == me) : tasks.Where(t => t.ClaimedBy == null || t.ClaimedBy != me);
        }

        if (Flag(query.Unclaimed) is { } unclaimed)
        {
            tasks = unclaimed ? tasks.Where(t => t.ClaimedBy == null) : tasks.Where(t => t.ClaimedBy != null);
        }

        // 督办 is recorded on the case (Case.FlagSupervision sets UnderSupervision and SupervisedBy), not on its tasks.
        if (Flag(query.Supervised) is { } supervised)
        {
            tasks = tasks.Where(t => db.Cases.Any(c => (Guid)(object)c.Id == t.InstanceId && c.UnderSupervision) == supervised);
        }

        return tasks;
    }

    /// <summary>
    /// A case number, whole, is found through its unique index anywhere in sight. Anything else (part of a number, words of
    /// the title or address, a grid code or its prefix) is a LIKE no index can serve, so it runs only over one queue: the
    /// (queue, status, due) index bounds the rows to that queue's tasks, and each task's case is read by its key. A reader
    /// of everything who names no queue could make it scan every open task of the city, so that is refused.
    /// </summary>
    private IQueryable<WorkflowTaskRow> Search(IQueryable<WorkflowTaskRow> tasks, string q, bool queueBounded)
    {
        if (CaseNumber.TryParse(q.ToUpperInvariant(), out var number))
        {
            var byNumber = db.Cases.Where(c => c.Number == number).Select(c => (Guid)(object)c.Id);
            return tasks.Where(t => byNumber.Contains(t.InstanceId));
        }

        if (!queueBounded)
        {
            throw new ValidationException([new ValidationFailure("q", "不指定队列时只能按完整案件编号搜索 / Without a queue, q must be a whole case number such as QS-2026-000123; name a queue to search titles, addresses and grids.")]);
        }

        var like = "%" + Escape(q) + "%";
        var upperLike = "%" + Escape(q.ToUpperInvariant()) + "%";
        var gridPrefix = Escape(q) + "%";
        return tasks.Where(t => db.Cases.Any(c => (Guid)(object)c.Id == t.InstanceId
            && (EF.Functions.Like((string)(object)c.Number, upperLike, "\\")
                || EF.Functions.Like(c.Title, like, "\\")
                || EF.Functions.Like((string)(object)c.GridCode, gridPrefix, "\\")
                || (c.Location != null && EF.Functions.Like(c.Location.Address, like, "\\")))));
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static bool? Flag(string? value) => value is null ? null : bool.Parse(value);

    private static IQueryable<WorkflowTaskRow> Sorted(IQueryable<WorkflowTaskRow> tasks, string sort) => sort switch
    {
        TaskSort.OpenedAtDescending => tasks.OrderByDescending(t => t.OpenedAt).ThenByDescending(t => t.TaskId),
        TaskSort.OpenedAt => tasks.OrderBy(t => t.OpenedAt).ThenBy(t => t.TaskId),
        TaskSort.DueAtDescending => tasks.OrderBy(t => t.DueAt == null).ThenByDescending(t => t.DueAt).ThenBy(t => t.OpenedAt).ThenBy(t => t.TaskId),
        _ => tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.OpenedAt).ThenBy(t => t.TaskId),
    };

    /// <summary>The rows that come after the cursor in <paramref name="sort"/>'s order (the order of <see cref="Sorted"/>).</summary>
    private static IQueryable<WorkflowTaskRow> After(IQueryable<WorkflowTaskRow> tasks, string sort, TaskCursor cursor)
    {
        var opened = cursor.OpenedAt;
        var id = cursor.TaskId;
        if (sort == TaskSort.OpenedAtDescending)
        {
            return tasks.Where(t => t.OpenedAt < opened || (t.OpenedAt == opened && string.Compare(t.TaskId, id) < 0));
        }

        if (sort == TaskSort.OpenedAt)
        {
            return tasks.Where(t => t.OpenedAt > opened || (t.OpenedAt == opened && string.Compare(t.TaskId, id) > 0));
        }

        if (cursor.DueAt is not { } due)
        {
            // Rows without a deadline come last in both due-time orders, by opening time.
            return tasks.Where(t => t.DueAt == null && (t.OpenedAt > opened || (t.OpenedAt == opened && string.Compare(t.TaskId, id) > 0)));
        }

        return sort == TaskSort.DueAtDescending
            ? tasks.Where(t => t.DueAt == null || t.DueAt < due
                || (t.DueAt == due && (t.OpenedAt > opened || (t.OpenedAt == opened && string.Compare(t.TaskId, id) > 0))))
            : tasks.Where(t => t.DueAt == null || t.DueAt > due
                || (t.DueAt == due && (t.OpenedAt > opened || (t.OpenedAt == opened && string.Compare(t.TaskId, id) > 0))));
    }
}
