using GridCase.Workflows.Journal;
using GridCase.Workflows.Ports;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence.Workflows;

public sealed partial class EfWorkflowStore
{
    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var rows = await db.JournalEntries.AsNoTracking()
            .Where(e => e.InstanceId == instanceId)
            .OrderBy(e => e.Seq)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToEntry);
    }

    private static readonly Func<GridCaseDb, string, CancellationToken, Task<WorkflowTaskRow?>> FindTaskQuery = ProviderQueries.Compile(
        (GridCaseDb db, string taskId, CancellationToken _) => db.WorkflowTasks.AsNoTracking().FirstOrDefault(t => t.TaskId == taskId));

    public async Task<TaskRecord?> FindTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        var row = await FindTaskQuery(db, taskId, cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    public async Task<IReadOnlyList<TaskRecord>> TasksOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var rows = await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == instanceId).ToListAsync(cancellationToken);
        return rows.Select(ToRecord).OrderBy(t => t.OpenedAt).ThenBy(t => t.TaskId, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<TaskRecord>> OpenTasksAsync(IReadOnlyCollection<string> queues, CancellationToken cancellationToken = default)
    {
        var wanted = queues.ToArray();
        var rows = await db.WorkflowTasks.AsNoTracking()
            .Where(t => t.Status == WorkTaskStatus.Open && wanted.Contains(t.Queue))
            .ToListAsync(cancellationToken);

        // Ordered here rather than in SQL so that ties break by ordinal id on both providers (PostgreSQL would
        // compare ids by its collation).
        return rows.Select(ToRecord)
            .OrderBy(t => t.DueAt ?? DateTime.MaxValue).ThenBy(t => t.OpenedAt).ThenBy(t => t.TaskId, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<TimerRecord>> PendingTimersAsync(DateTime until, CancellationToken cancellationToken = default)
    {
        var rows = await db.WorkflowTimers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= until)
            .ToListAsync(cancellationToken);
        return rows.Select(t => new TimerRecord(t.TimerId, t.InstanceId, t.NodeId, t.Purpose, t.DueAt, t.Status))
            .OrderBy(t => t.DueAt).ThenBy(t => t.TimerId, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<Guid>> RunningInstancesAsync(string definitionId, int version, Guid? after, int limit, CancellationToken cancellationToken = default)
    {
        var query = db.WorkflowInstances.AsNoTracking()
            .Where(i => i.DefinitionId == definitionId && i.Version == version && i.Status == WorkflowStatus.Running);
        if (after is { } last)
        {
            query = query.Where(i => i.Id.CompareTo(last) > 0);
        }

        return await query.OrderBy(i => i.Id).Select(i => i.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>Counted on the (definition, version, status, id) index: only the running instances' index entries are read.</summary>
    public Task<int> CountRunningAsync(string definitionId, int version, CancellationToken cancellationToken = default) =>
        db.WorkflowInstances.AsNoTracking()
            .CountAsync(i => i.DefinitionId == definitionId && i.Version == version && i.Status == WorkflowStatus.Running, cancellationToken);

    private static JournalEntry ToEntry(JournalEntryRow row) => new(
        row.InstanceId,
        row.Seq,
        row.At,
        new JournalActor(row.ActorUserId, row.ActorRole, row.ActorUnit),
        row.Kind,
        row.NodeId,
        row.DefinitionId,
        row.DefinitionVersion,
        row.Rule,
        row.Data,
        row.PrevHash,
        row.Hash);

    private static TaskRecord ToRecord(WorkflowTaskRow row) => new(
        row.TaskId,
        row.InstanceId,
        row.NodeId,
        row.Kind,
        row.Queue,
        row.Form,
        WorkflowStateJson.ReadStrings(row.Outcomes),
        row.Status,
        row.ClaimedBy,
        row.OpenedAt,
        row.WarnAt,
        row.DueAt,
        row.Warned,
        row.Overdue,
        row.Outcome,
        row.ClosedAt);
}
