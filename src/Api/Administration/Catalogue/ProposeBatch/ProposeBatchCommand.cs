using System.Text.Json.Serialization;
using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Catalogue.ProposeBatch;

/// <summary>A batch of new items (and the categories they need) proposed for a county's catalogue.</summary>
public sealed record ProposeBatchCommand(string? Note, IReadOnlyList<CategoryInput?>? Categories, IReadOnlyList<ItemInput?>? Items)
    : ICommand<BatchResponse>
{
    /// <summary>Set by the endpoint from the route, never from the body.</summary>
    [JsonIgnore]
    public string County { get; init; } = "";

    /// <summary>Set by the endpoint from the token, never from the body.</summary>
    [JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed record CategoryInput(string? Code, string? Name);

public sealed record ItemInput(
    string? Code,
    string? Name,
    string? CategoryCode,
    string? OwningDepartment,
    string? DefaultLevel,
    TimeLimitsInput? TimeLimits,
    bool? CountsTowardClosureRate);

/// <summary>Working hours per difficulty.</summary>
public sealed record TimeLimitsInput(int? Simple, int? Ordinary, int? Complex, int? Major);
