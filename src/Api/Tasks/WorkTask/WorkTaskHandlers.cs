using GridCase.Api.Events;
using GridCase.Domain;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Ports;
using GridCase.Workflows.Runtime;
using Mediator;

namespace GridCase.Api.Tasks.WorkTask;

/// <summary>Claim, release and complete share one shape: find the task the caller may work, send one stimulus, commit.</summary>
public sealed class WorkTaskHandlers(TaskAccess access, CaseWorkflow workflow, TimeProvider clock) :
    ICommandHandler<ClaimTaskCommand, TaskStepResponse>,
    ICommandHandler<ReleaseTaskCommand, TaskStepResponse>,
    ICommandHandler<CompleteTaskCommand, TaskStepResponse>
{
    public ValueTask<TaskStepResponse> Handle(ClaimTaskCommand command, CancellationToken cancellationToken) =>
        StepAsync(command.TaskId, command.Caller, task => new ClaimTaskStimulus(task.TaskId, command.Caller, clock.GetUtcNow()), cancellationToken, claiming: true);

    public ValueTask<TaskStepResponse> Handle(ReleaseTaskCommand command, CancellationToken cancellationToken) =>
        StepAsync(command.TaskId, command.Caller, task => new ReleaseTaskStimulus(task.TaskId, command.Caller, clock.GetUtcNow()), cancellationToken);

    public ValueTask<TaskStepResponse> Handle(CompleteTaskCommand command, CancellationToken cancellationToken)
    {
        var data = (command.Data ?? []).ToDictionary(p => p.Key, p => CanonicalJson.Normalize(p.Value));
        return StepAsync(command.TaskId, command.Caller, task => new CompleteTaskStimulus(task.TaskId, command.Outcome!, data, command.Caller, clock.GetUtcNow()), cancellationToken);
    }

    private async ValueTask<TaskStepResponse> StepAsync(string taskId, Actor caller, Func<TaskRecord, Stimulus> stimulus, CancellationToken cancellationToken, bool claiming = false)
    {
        var (task, subject) = await access.ForWorkAsync(taskId, caller, cancellationToken, claiming);
        var (response, _) = await workflow.RunAsync(async () =>
        {
            var outcome = await workflow.SendAsync(subject, stimulus(task), cancellationToken);
            return (TaskAccess.Step(task.TaskId, subject, outcome), outcome);
        }, StatusCodes.Status200OK, _ => null, cancellationToken);
        return response;
    }
}
