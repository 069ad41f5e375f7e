using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Runtime;

namespace GridCase.Api.Events.Interventions;

/// <summary>
/// What 督办, 催办, 改派网格 and 重新分类 share: a dispatcher acts on a case they can see, the engine decides and
/// journals with the dispatcher as actor, and the case file follows in the same unit of work.
/// </summary>
public sealed class CaseIntervention(EventAccess access, CaseWorkflow workflow)
{
    public async Task<TaskStepResponse> RunAsync(Guid eventId, Actor caller, string what, Func<Case, Task<Stimulus>> stimulus, CancellationToken cancellationToken)
    {
        var subject = await access.VisibleAsync(eventId, caller, cancellationToken);
        if (caller.Role != Role.Dispatcher)
        {
            throw new ForbiddenException($"只有指挥中心调度员可以{what} / Only command centre dispatchers do this.");
        }

        var send = await stimulus(subject);
        var (response, outcome) = await workflow.RunAsync(async () =>
        {
            var result = await workflow.SendAsync(subject, send, cancellationToken);
            return (new TaskStepResponse("", subject.Id.Value, subject.Status.ToString(), subject.ResponsibleUnit.Value,
                result.State?.Tasks.Select(t => TaskResponse.From(subject.Id.Value, t)).ToList() ?? [], result.Entries.Select(e => e.Kind).ToList(), result.Refusal?.Code), result);
        }, StatusCodes.Status200OK, _ => null, cancellationToken);
        return outcome.Refusal is { } refusal ? throw new RefusalException(refusal) : response;
    }
}
