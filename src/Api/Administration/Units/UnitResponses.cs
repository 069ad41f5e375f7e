using System.Text.Json;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Administration.Units;

/// <summary>A unit in the administrator's tree: enough to draw a node and decide whether it can be expanded.</summary>
public sealed record UnitSummaryResponse(
    string Code, string Name, string Level, string Kind, string? ParentCode, string? GridType, int? Population,
    DateTime? RetiredAt, bool HasBoundary, int ChildCount);

/// <summary>One unit with its boundary (GeoJSON, as given).</summary>
public sealed record UnitDetailResponse(
    string Code, string Name, string Level, string Kind, string? ParentCode, string? GridType, int? Population,
    DateTime? RetiredAt, JsonElement? Boundary, int ChildCount)
{
    public static UnitDetailResponse From(OrgUnit unit, int childCount) => new(
        unit.Code.Value, unit.Name, unit.Level.ToString(), unit.Kind.ToString(), unit.ParentCode?.Value, unit.GridType?.ToString(),
        unit.Population, unit.RetiredAt, unit.Boundary is { } boundary ? JsonDocument.Parse(boundary).RootElement.Clone() : null, childCount);
}

/// <summary>A page of units in code order; <see cref="Next"/> is the <c>after</c> of the next page, null on the last.</summary>
public sealed record UnitPageResponse(IReadOnlyList<UnitSummaryResponse> Items, string? Next);
