using System.Text.Json;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Persistence;
using GridCase.Persistence.Workflows;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Tasks.ListTasks;

public static class QueueTaskRows
{
    /// <summary>
    /// The tasks with their cases, read in a second query by primary key: a join would compare the value-converted id
    /// through a cast, which SQLite cannot look up by index (it would scan every case for each task).
    /// </summary>
    public static async Task<List<QueueTaskResponse>> WithCasesAsync(GridCaseDb db, List<WorkflowTaskRow> found, CancellationToken cancellationToken)
    {
        var ids = found.Select(t => new CaseId(t.InstanceId)).Distinct().ToList();
        var events = await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.Title, c.CatalogueItemCode, c.GridCode, c.Status, c.ResponsibleUnit, c.UnderSupervision })
            .ToDictionaryAsync(
                c => c.Id.Value,
                c => new TaskEventResponse(c.Number.Value, c.Title, c.CatalogueItemCode, c.GridCode.Value, c.Status.ToString(), c.ResponsibleUnit.Value, c.UnderSupervision),
                cancellationToken);

        return found.ConvertAll(t => new QueueTaskResponse(
            t.TaskId, t.InstanceId, t.NodeId, t.Kind.ToString(), t.Queue, t.Form, JsonSerializer.Deserialize<List<string>>(t.Outcomes) ?? [],
            t.Status.ToString(), t.ClaimedBy, t.OpenedAt, t.WarnAt, t.DueAt, t.Warned, t.Overdue, t.Outcome, t.ClosedAt,
            events.GetValueOrDefault(t.InstanceId)));
    }
}

/// <summary>One task as a queue row (for a link to <c>/queue/{taskId}</c>); a task in a queue outside the caller's sight is 404.</summary>
public sealed record GetTaskQuery(string TaskId, Actor Caller) : IQuery<QueueTaskResponse>;

public sealed class GetTaskHandler(GridCaseDb db) : IQueryHandler<GetTaskQuery, QueueTaskResponse>
{
    public async ValueTask<QueueTaskResponse> Handle(GetTaskQuery query, CancellationToken cancellationToken)
    {
        var task = await db.WorkflowTasks.AsNoTracking().FirstOrDefaultAsync(t => t.TaskId == query.TaskId, cancellationToken);
        if (task is null || !CallerScope.For(query.Caller).Covers(task.Queue))
        {
            throw new NotFoundException($"任务 {query.TaskId}", $"Task {query.TaskId}");
        }

        return (await QueueTaskRows.WithCasesAsync(db, [task], cancellationToken))[0];
    }
}
