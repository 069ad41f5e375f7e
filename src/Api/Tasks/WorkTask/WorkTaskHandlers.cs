using GridCase.Api.Events;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Runtime;
using Mediator;

namespace GridCase.Api.Tasks.WorkTask;

public sealed class ClaimTaskHandler(TaskAccess access, CaseWorkflow workflow, TimeProvider clock) : ICommandHandler<ClaimTaskCommand, TaskStepResponse>
{
    public async ValueTask<TaskStepResponse> Handle(ClaimTaskCommand command, CancellationToken cancellationToken)
    {
        var (task, subject) = await access.ForWorkAsync(command.TaskId, command.Caller, cancellationToken);
        var (response, _) = await workflow.RunAsync(async () =>
        {
            var outcome = await workflow.SendAsync(subject, new ClaimTaskStimulus(task.TaskId, command.Caller, clock.GetUtcNow()), cancellationToken);
            return (TaskAccess.Step(task.TaskId, subject, outcome), outcome);
        }, StatusCodes.Status200OK, _ => null, cancellationToken);
        return response;
    }
}

public sealed class ReleaseTaskHandler(TaskAccess access, CaseWorkflow workflow, TimeProvider clock) : ICommandHandler<ReleaseTaskCommand, TaskStepResponse>
{
    public async ValueTask<TaskStepResponse> Handle(ReleaseTaskCommand command, CancellationToken cancellationToken)
    {
        var (task, subject) = await access.ForWorkAsync(command.TaskId, command.Caller, cancellationToken);
        var (response, _) = await workflow.RunAsync(async () =>
        {
            var outcome = await workflow.SendAsync(subject, new ReleaseTaskStimulus(task.TaskId, command.Caller, clock.GetUtcNow()), cancellationToken);
            return (TaskAccess.Step(task.TaskId, subject, outcome), outcome);
        }, StatusCodes.Status200OK, _ => null, cancellationToken);
        return response;
    }
}

public sealed class CompleteTaskHandler(TaskAccess access, CaseWorkflow workflow, TimeProvider clock) : ICommandHandler<CompleteTaskCommand, TaskStepResponse>
{
    public async ValueTask<TaskStepResponse> Handle(CompleteTaskCommand command, CancellationToken cancellationToken)
    {
        var (task, subject) = await access.ForWorkAsync(command.TaskId, command.Caller, cancellationToken);
        var data = (command.Data ?? []).ToDictionary(p => p.Key, p => CanonicalJson.Normalize(p.Value));
        var (response, _) = await workflow.RunAsync(async () =>
        {
            var outcome = await workflow.SendAsync(subject, new CompleteTaskStimulus(task.TaskId, command.Outcome!, data, command.Caller, clock.GetUtcNow()), cancellationToken);
            return (TaskAccess.Step(task.TaskId, subject, outcome), outcome);
        }, StatusCodes.Status200OK, _ => null, cancellationToken);
        return response;
    }
}
