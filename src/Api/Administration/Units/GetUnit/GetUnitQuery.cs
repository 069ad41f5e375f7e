using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Units.GetUnit;

/// <summary>One unit of the caller's area, with its boundary.</summary>
public sealed record GetUnitQuery(string Code, Actor Caller) : IQuery<UnitDetailResponse>;
