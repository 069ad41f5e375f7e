using GridCase.Api.Events;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Cases;
using GridCase.Workflows.Ports;

namespace GridCase.Api.Tasks.WorkTask;

/// <summary>
/// Finds a task the caller may work: unknown or out of the caller's sight is 404; visible but not in the
/// caller's own queue (or the caller only reads) is 403; no longer open is 409. A task opened with
/// <c>claimFromAbove</c> may also be claimed by a dispatcher of an area above its queue (the county centre takes a
/// township's triage), who then works it as its claimant.
/// </summary>
public sealed class TaskAccess(ITaskStore tasks, IWorkflowStore instances, CaseStore cases)
{
    /// <param name="claiming">The caller is claiming the task (a dispatcher from above may, where the task allows it).</param>
    public async Task<(TaskRecord Task, Case Case)> ForWorkAsync(string taskId, Actor caller, CancellationToken cancellationToken, bool claiming = false)
    {
        var task = await tasks.FindTaskAsync(taskId, cancellationToken);
        var scope = CallerScope.For(caller);
        var subject = task is null ? null : await cases.FindAsync(new CaseId(task.InstanceId), cancellationToken);
        if (task is null || subject is null || !scope.Covers(task.Queue) && !scope.Covers(subject.ResponsibleUnit.Value) && !scope.Covers(subject.GridCode.Value))
        {
            throw new NotFoundException($"任务 {taskId}", $"Task {taskId}");
        }

        if (!scope.MayAct || caller.Unit?.Value != task.Queue && !await FromAboveAsync(task, caller, scope, claiming, cancellationToken))
        {
            throw new ForbiddenException($"任务在 {task.Queue} 的队列中，只有该单位可以办理 / Only unit {task.Queue} works this task.");
        }

        if (task.Status != WorkTaskStatus.Open)
        {
            throw new InvalidTransitionException("task-closed", $"任务已{(task.Status == WorkTaskStatus.Completed ? "办结" : "取消")} / Task {taskId} is {task.Status}.");
        }

        return (task, subject);
    }

    private async Task<bool> FromAboveAsync(TaskRecord task, Actor caller, CallerScope scope, bool claiming, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Dispatcher || !scope.Covers(task.Queue))
        {
            return false;
        }

        // Whether the task allows it lives in the instance's state (the task row keeps the queue, not the node's options).
        var open = (await instances.LoadAsync(task.InstanceId, cancellationToken))?.State.Tasks.Find(t => t.TaskId == task.TaskId);
        return open is { ClaimFromAbove: true } && (claiming || open.ClaimedBy == caller.UserId);
    }

    public static TaskStepResponse Step(string taskId, Case subject, GridCase.Workflows.Runtime.RunOutcome outcome) => new(
        taskId,
        subject.Id.Value,
        subject.Status.ToString(),
        subject.ResponsibleUnit.Value,
        outcome.State?.Tasks.Select(t => TaskResponse.From(subject.Id.Value, t)).ToList() ?? [],
        outcome.Entries.Select(e => e.Kind).ToList(),
        outcome.Refusal?.Code);
}
