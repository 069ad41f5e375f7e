using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Catalogue.ListBatches;

/// <summary>
/// A county's batches, newest first. Keyset-paged: the next page is the batches proposed before the last one shown
/// (<paramref name="Before"/> = its <c>proposedAt</c>).
/// </summary>
public sealed record ListBatchesQuery(string County, string? Status, DateTimeOffset? Before, int? Limit, Actor Caller)
    : IQuery<IReadOnlyList<BatchResponse>>;
