using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Persistence.Cases;
using GridCase.Workflows.Ports;

namespace GridCase.Api.Events;

/// <summary>
/// Finds a case the caller may see: its grid or its responsible unit lies within the caller's unit, or one of
/// its open tasks waits in a queue there (an assisting department). Anything else is 404, as if it did not exist.
/// </summary>
public sealed class EventAccess(CaseStore cases, ITaskStore tasks)
{
    public async Task<Case> VisibleAsync(Guid eventId, Actor caller, CancellationToken cancellationToken)
    {
        var subject = await cases.FindAsync(new CaseId(eventId), cancellationToken);
        if (subject is null || !await SeesAsync(subject, CallerScope.For(caller), cancellationToken))
        {
            throw new NotFoundException($"事件 {eventId}", $"Event {eventId}");
        }

        return subject;
    }

    public async Task<bool> SeesAsync(Case subject, CallerScope scope, CancellationToken cancellationToken) =>
        scope.Covers(subject.GridCode.Value)
        || scope.Covers(subject.ResponsibleUnit.Value)
        || (await tasks.TasksOfInstanceAsync(subject.Id.Value, cancellationToken)).Any(t => t.Status == WorkTaskStatus.Open && scope.Covers(t.Queue));
}
