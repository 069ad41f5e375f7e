using GridCase.Api.Infrastructure;
using GridCase.Persistence;
using GridCase.Workflows.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Events.GetEvent;

public sealed class GetEventHandler(EventAccess access, GridCaseDb db, ITaskStore tasks) : IQueryHandler<GetEventQuery, EventDetailResponse>
{
    public async ValueTask<EventDetailResponse> Handle(GetEventQuery query, CancellationToken cancellationToken)
    {
        var c = await access.VisibleAsync(query.EventId, query.Caller, cancellationToken);
        var workflow = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Id == query.EventId)
            .Select(i => new WorkflowRef(i.DefinitionId, i.Version))
            .SingleOrDefaultAsync(cancellationToken);
        var openTasks = (await tasks.TasksOfInstanceAsync(query.EventId, cancellationToken))
            .Where(t => t.Status == WorkTaskStatus.Open)
            .Select(TaskResponse.From)
            .ToList();

        // Only the unit handling the case now, and a unit whose queue holds the case's triage or return visit (回访) — both
        // call the reporter back — see the reporter in full; readers (auditors) never do.
        var unit = query.Caller.Unit?.Value;
        var callsBack = openTasks.Any(t => t.Queue == unit && PersonalData.CallBackForms.Contains(t.Form));
        var maySee = CallerScope.For(query.Caller).MayAct && (query.Caller.Unit == c.ResponsibleUnit || callsBack);
        return new EventDetailResponse(
            c.Id.Value, c.Number.Value, c.Status.ToString(), workflow, c.CatalogueItemCode, c.GridCode.Value, c.Channel.ToString(),
            c.Title, c.Description, c.Location is { } l ? new LocationResponse(l.Latitude, l.Longitude, l.Address) : null,
            PersonalData.Show(c.Reporter, maySee), c.OccurredAt, c.ReportedAt, (int?)c.Difficulty, c.Scope?.ToString(),
            c.ResponsibleUnit.Value, c.DispatchingUnit?.Value, c.Floor.ToString(), c.ReturnCount, c.ExtensionCount, c.ExtraHours,
            c.ReworkCount, c.ClosureCode?.ToString(), c.ClosedAt, c.Satisfaction, c.UnderSupervision, c.SupervisedBy?.Value,
            c.ParkedAt, c.ParkExplanation, c.ResolutionNote, openTasks)
        {
            HandledOnSite = c.HandledOnSite,
        };
    }
}
