using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Catalogue.ApproveBatch;

/// <summary>Approve a proposed batch: it becomes the county's next catalogue version.</summary>
public sealed record ApproveBatchCommand(string County, Guid Id, string? Note, Actor Caller) : ICommand<BatchResponse>;

public sealed record ApproveBatchBody(string? Note);
