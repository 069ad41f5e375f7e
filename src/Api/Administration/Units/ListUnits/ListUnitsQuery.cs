using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Units.ListUnits;

/// <summary>
/// Browsing the tree: the children of <see cref="Parent"/>, or the units whose name contains <see cref="Q"/> or whose
/// code starts with it (below <see cref="Parent"/> when given), within the caller's area. Without either: the caller's
/// own unit, the root of its tree. Code order, keyset paged by <see cref="After"/>.
/// </summary>
public sealed record ListUnitsQuery(string? Parent, string? Q, string? Level, bool IncludeRetired, string? After, int? Limit, Actor Caller)
    : IQuery<UnitPageResponse>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
}
