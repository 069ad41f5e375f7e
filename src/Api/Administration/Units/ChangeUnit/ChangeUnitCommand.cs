using System.Text.Json;
using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Units.ChangeUnit;

/// <summary>
/// Renames a unit or describes it. A property left out keeps its value; <see cref="Boundary"/> and
/// <see cref="Population"/> given as <c>null</c> are cleared. The code, level and parent never change.
/// </summary>
public sealed record ChangeUnitCommand(string? Name, string? GridType, JsonElement Boundary, JsonElement Population) : ICommand<UnitDetailResponse>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Code { get; init; } = "";

    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;

    public bool Describes => GridType is not null || Boundary.ValueKind != JsonValueKind.Undefined || Population.ValueKind != JsonValueKind.Undefined;
}
