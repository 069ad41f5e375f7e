using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Events.GetEvent;

public sealed record GetEventQuery(Guid EventId, Actor Caller) : IQuery<EventDetailResponse>;

public sealed record LocationResponse(double Latitude, double Longitude, string Address);

/// <summary>One event as dispatchers, handlers and auditors see it: the case file and its open tasks.</summary>
public sealed record EventDetailResponse(
    Guid Id,
    string Number,
    string Status,
    WorkflowRef? Workflow,
    string CatalogueItemCode,
    string GridCode,
    string Channel,
    string Title,
    string Description,
    LocationResponse? Location,
    ReporterResponse? Reporter,
    DateTime OccurredAt,
    DateTime ReportedAt,
    int? Difficulty,
    string? Scope,
    string ResponsibleUnit,
    string? DispatchingUnit,
    string Floor,
    int ReturnCount,
    int ExtensionCount,
    int ExtraHours,
    int ReworkCount,
    string? ClosureCode,
    DateTime? ClosedAt,
    int? Satisfaction,
    bool UnderSupervision,
    string? SupervisedBy,
    DateTime? ParkedAt,
    string? ParkExplanation,
    string? ResolutionNote,
    IReadOnlyList<TaskResponse> OpenTasks)
{
    /// <summary>Reported as already resolved on the spot by the grid member (即办), and not reopened.</summary>
    public bool HandledOnSite { get; init; }
}
