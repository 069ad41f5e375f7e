using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Catalogue.RejectBatch;

/// <summary>Reject a proposed batch, saying why; the catalogue does not change.</summary>
public sealed record RejectBatchCommand(string County, Guid Id, string? Note, Actor Caller) : ICommand<BatchResponse>;

public sealed record RejectBatchBody(string? Note);
