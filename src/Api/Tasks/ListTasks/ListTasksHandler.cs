using System.Text.Json;
using GridCase.Api.Events;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Cases;
using GridCase.Persistence;
using GridCase.Workflows.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Tasks.ListTasks;

/// <summary>Reads one page of a queue (or, for readers of everything, of all queues), then that page's cases.</summary>
public sealed class ListTasksHandler(GridCaseDb db) : IQueryHandler<ListTasksQuery, PageResponse<QueueTaskResponse>>
{
    public async ValueTask<PageResponse<QueueTaskResponse>> Handle(ListTasksQuery query, CancellationToken cancellationToken)
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

        if (query.Overdue is { } overdue)
        {
            tasks = tasks.Where(t => t.Overdue == overdue);
        }

        var sorted = (query.Sort ?? TaskSort.DueAt).ToUpperInvariant() switch
        {
            "-OPENEDAT" => tasks.OrderByDescending(t => t.OpenedAt).ThenByDescending(t => t.TaskId),
            "OPENEDAT" => tasks.OrderBy(t => t.OpenedAt).ThenBy(t => t.TaskId),
            "-DUEAT" => tasks.OrderBy(t => t.DueAt == null).ThenByDescending(t => t.DueAt).ThenBy(t => t.OpenedAt).ThenBy(t => t.TaskId),
            _ => tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.OpenedAt).ThenBy(t => t.TaskId),
        };

        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? Paging.DefaultPageSize;
        var total = await tasks.CountAsync(cancellationToken);
        var found = await sorted.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);

        // The page's cases in a second query by primary key: a join would compare the value-converted id through a
        // cast, which SQLite cannot look up by index (it would scan every case for each task).
        var ids = found.Select(t => new CaseId(t.InstanceId)).Distinct().ToList();
        var events = await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.Title, c.CatalogueItemCode, c.GridCode, c.Status, c.ResponsibleUnit })
            .ToDictionaryAsync(
                c => c.Id.Value,
                c => new TaskEventResponse(c.Number.Value, c.Title, c.CatalogueItemCode, c.GridCode.Value, c.Status.ToString(), c.ResponsibleUnit.Value),
                cancellationToken);

        var items = found.ConvertAll(t => new QueueTaskResponse(
            t.TaskId, t.InstanceId, t.NodeId, t.Kind.ToString(), t.Queue, t.Form, JsonSerializer.Deserialize<List<string>>(t.Outcomes) ?? [],
            t.Status.ToString(), t.ClaimedBy, t.OpenedAt, t.WarnAt, t.DueAt, t.Warned, t.Overdue, t.Outcome, t.ClosedAt,
            events.GetValueOrDefault(t.InstanceId)));
        return new PageResponse<QueueTaskResponse>(items, page, pageSize, total);
    }
}
