using System.Globalization;
using System.Text.Json;
using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Units.CreateUnit;

/// <summary>
/// A new area (county, township, village, grid) or department under <see cref="ParentCode"/>. <see cref="Kind"/> may be
/// left out (the code tells); <see cref="Boundary"/> is a GeoJSON object (or its text).
/// </summary>
public sealed record CreateUnitCommand(
    string? Code, string? Name, string? ParentCode, string? Kind, string? GridType, int? Population, JsonElement? Boundary)
    : ICommand<UnitDetailResponse>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;

    public UnitInput ToInput() => new(Code, Name, ParentCode, Kind, GridType,
        Population?.ToString(CultureInfo.InvariantCulture), BoundaryText(Boundary));

    /// <summary>A GeoJSON object as its text; a JSON string is taken as the text of one; null and absent are no boundary.</summary>
    public static string? BoundaryText(JsonElement? boundary) => boundary switch
    {
        null => null,
        { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { } element => element.GetRawText(),
    };
}
