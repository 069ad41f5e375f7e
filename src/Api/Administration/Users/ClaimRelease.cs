using GridCase.Api.Events;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using GridCase.Persistence.Cases;
using GridCase.Workflows.Ports;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Users;

/// <summary>
/// 有进有出: when someone leaves a unit (disabled, or moved to another unit or role), the open tasks of that unit's
/// queue they had claimed go back to the queue, each through the engine's release (a <c>TaskReleased</c> journal entry
/// with the administrator as actor), inside the administrator's unit of work. The queue belongs to the unit, so the
/// unit's next member (a grid's new grid member) claims them, and the units above see them as before.
/// </summary>
public sealed class ClaimRelease(GridCaseDb db, CaseStore cases, CaseWorkflow workflow, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReleasedTask>> ReleaseAsync(string userName, UnitCode queue, Actor administrator, CancellationToken cancellationToken)
    {
        var claimed = await db.WorkflowTasks.AsNoTracking()
            .Where(t => t.Queue == queue.Value && t.Status == WorkTaskStatus.Open && t.ClaimedBy == userName)
            .OrderBy(t => t.TaskId)
            .Select(t => new ReleasedTask(t.TaskId, t.InstanceId))
            .ToListAsync(cancellationToken);
        foreach (var task in claimed)
        {
            var subject = await cases.FindAsync(new CaseId(task.EventId), cancellationToken)
                ?? throw new InvalidOperationException($"Task {task.TaskId} belongs to no case.");
            await workflow.SendAsync(subject, new ReleaseTaskStimulus(task.TaskId, administrator, clock.GetUtcNow()), cancellationToken);
        }

        return claimed;
    }
}
