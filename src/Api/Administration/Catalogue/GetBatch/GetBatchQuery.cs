using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Catalogue.GetBatch;

public sealed record GetBatchQuery(string County, Guid Id, Actor Caller) : IQuery<BatchResponse>;
