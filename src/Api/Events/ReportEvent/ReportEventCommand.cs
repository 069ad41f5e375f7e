using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Events.ReportEvent;

/// <summary>A reported event (信息收集). Clients never set the unit, status, assignee or version.</summary>
public sealed record ReportEventCommand(
    string? CatalogueItemCode,
    string? GridCode,
    string? Channel,
    string? Title,
    string? Description,
    LocationInput? Location,
    ReporterInput? Reporter,
    DateTimeOffset? OccurredAt,
    string? WorkflowDefinitionId) : ICommand<EventCreatedResponse>
{
    /// <summary>Set by the endpoint from the token, never from the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed record LocationInput(double? Latitude, double? Longitude, string? Address);

public sealed record ReporterInput(string? Name, string? Phone);
