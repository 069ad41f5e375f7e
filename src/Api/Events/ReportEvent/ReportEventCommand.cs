using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Events.ReportEvent;

/// <summary>
/// A reported event (信息收集). Clients never set the unit, status, assignee or version. A grid member may report an
/// event already resolved on the spot (即办, <see cref="HandledOnSite"/> with a <see cref="Resolution"/>) where the
/// workflow offers it (declares the variable <c>handledOnSite</c>).
/// </summary>
public sealed record ReportEventCommand(
    string? CatalogueItemCode,
    string? GridCode,
    string? Channel,
    string? Title,
    string? Description,
    LocationInput? Location,
    ReporterInput? Reporter,
    DateTimeOffset? OccurredAt,
    string? WorkflowDefinitionId,
    bool? HandledOnSite = null,
    string? Resolution = null) : ICommand<EventCreatedResponse>
{
    /// <summary>Set by the endpoint from the token, never from the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed record LocationInput(double? Latitude, double? Longitude, string? Address);

public sealed record ReporterInput(string? Name, string? Phone);
